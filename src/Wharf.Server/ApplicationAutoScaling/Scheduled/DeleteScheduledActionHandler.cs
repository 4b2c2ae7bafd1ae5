using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Scheduled;

/// <summary>DeleteScheduledAction: deletes one scheduled action of a target.</summary>
internal sealed class DeleteScheduledActionHandler(ScalingStore store)
    : IOperationHandler<DeleteScheduledActionRequest, DeleteScheduledActionResponse>
{
    public async ValueTask<DeleteScheduledActionResponse> HandleAsync(
        DeleteScheduledActionRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var resource = ScalableResource.Parse(input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
        var key = ScalingKinds.ChildKey(resource.Key, input.ScheduledActionName!);
        await store.Repository.RetryAsync(
            async ct =>
            {
                var action = await store.Repository.GetAsync<ScheduledActionRecord>(ScalingKinds.ScheduledAction, key, ct)
                    ?? throw ScalingErrors.ScheduledActionNotFound(
                        resource.ServiceNamespace, resource.ResourceId, resource.ScalableDimension, input.ScheduledActionName!);
                var write = store.Repository.Begin();
                write.Delete(ScalingKinds.ScheduledAction, key, action.Version);
                await write.CommitAsync(ct);
                return true;
            },
            cancellationToken);
        return new DeleteScheduledActionResponse();
    }
}
