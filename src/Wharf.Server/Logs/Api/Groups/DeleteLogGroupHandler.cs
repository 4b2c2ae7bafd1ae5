using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Groups;

/// <summary>DeleteLogGroup: the group, its streams and their events.</summary>
internal sealed class DeleteLogGroupHandler(LogStore store, LogGroupResolver groups) : IOperationHandler<DeleteLogGroupRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(DeleteLogGroupRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var group = await groups.GroupAsync(input.LogGroupName!, cancellationToken);
        if (group.DeletionProtection)
        {
            throw LogsErrors.OperationAborted("Log group deletion protection is enabled.");
        }

        return await store.DeleteGroupAsync(group.Name, cancellationToken) ? NoOutput.Instance : throw LogsErrors.GroupNotFound();
    }
}
