using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Retention;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Groups;

/// <summary>PutRetentionPolicy: set, then enforced by the next retention sweep (woken at once).</summary>
internal sealed class PutRetentionPolicyHandler(LogStore store, RetentionSweeper sweeper) : IOperationHandler<PutRetentionPolicyRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(PutRetentionPolicyRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        RetentionDays.Validate(input.RetentionInDays!.Value);
        if (!await store.SetRetentionAsync(input.LogGroupName!, input.RetentionInDays, cancellationToken))
        {
            throw LogsErrors.GroupNotFound();
        }

        sweeper.Wake();
        return NoOutput.Instance;
    }
}
