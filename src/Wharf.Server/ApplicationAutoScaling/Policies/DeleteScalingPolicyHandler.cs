using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.CloudWatch.Alarms;

namespace Wharf.Server.ApplicationAutoScaling.Policies;

/// <summary>
/// DeleteScalingPolicy: deletes the policy and the alarms a target-tracking policy created; a step
/// policy's ARN is taken out of the actions of the alarms that named it, which stay, as AWS does.
/// </summary>
internal sealed class DeleteScalingPolicyHandler(ScalingStore store, TargetTrackingAlarms alarms, IMetricAlarms alarmStore)
    : IOperationHandler<DeleteScalingPolicyRequest, DeleteScalingPolicyResponse>
{
    public async ValueTask<DeleteScalingPolicyResponse> HandleAsync(
        DeleteScalingPolicyRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var resource = ScalableResource.Parse(input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
        var key = ScalingKinds.ChildKey(resource.Key, input.PolicyName!);
        var deleted = await store.Repository.RetryAsync(
            async ct =>
            {
                var policy = await store.Repository.GetAsync<ScalingPolicyRecord>(ScalingKinds.Policy, key, ct)
                    ?? throw ScalingErrors.PolicyNotFound(resource.ServiceNamespace, resource.ResourceId, resource.ScalableDimension, input.PolicyName!);
                var write = store.Repository.Begin();
                write.Delete(ScalingKinds.Policy, key, policy.Version);
                await write.CommitAsync(ct);
                return policy.Value;
            },
            cancellationToken);
        await alarms.DeleteAsync(deleted.Alarms, cancellationToken);
        if (deleted.TargetTracking is null)
        {
            await alarmStore.RemoveAlarmActionsAsync([deleted.Arn], cancellationToken);
        }

        return new DeleteScalingPolicyResponse();
    }
}
