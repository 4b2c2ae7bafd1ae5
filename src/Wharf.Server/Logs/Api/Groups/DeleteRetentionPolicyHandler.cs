using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Groups;

/// <summary>DeleteRetentionPolicy: the group's events are kept for ever again (within the size budget).</summary>
internal sealed class DeleteRetentionPolicyHandler(LogStore store) : IOperationHandler<DeleteRetentionPolicyRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(DeleteRetentionPolicyRequest input, OperationContext context, CancellationToken cancellationToken) =>
        await store.SetRetentionAsync(input.LogGroupName!, null, cancellationToken) ? NoOutput.Instance : throw LogsErrors.GroupNotFound();
}
