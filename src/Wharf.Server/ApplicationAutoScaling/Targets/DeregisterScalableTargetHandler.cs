using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.CloudWatch.Alarms;

namespace Wharf.Server.ApplicationAutoScaling.Targets;

/// <summary>
/// DeregisterScalableTarget: removes the target with its scaling policies (and the alarms its
/// target-tracking policies created, and its step policies from their alarms' actions) and its
/// scheduled actions, as AWS does. The service keeps its desired count.
/// </summary>
internal sealed class DeregisterScalableTargetHandler(ScalingStore store, IMetricAlarms alarmStore)
    : IOperationHandler<DeregisterScalableTargetRequest, DeregisterScalableTargetResponse>
{
    public async ValueTask<DeregisterScalableTargetResponse> HandleAsync(
        DeregisterScalableTargetRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var resource = ScalableResource.Parse(input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
        var deleted = await store.Repository.RetryAsync(
            async ct =>
            {
                var target = await store.TargetAsync(resource, ct);
                var policies = await store.PoliciesAsync(resource.Key, ct);
                var actions = await store.ScheduledActionsAsync(resource.Key, ct);
                var write = store.Repository.Begin();
                write.Delete(ScalingKinds.Target, target.Key, target.Version);
                foreach (var policy in policies)
                {
                    write.Delete(ScalingKinds.Policy, policy.Key, policy.Version);
                }

                foreach (var action in actions)
                {
                    write.Delete(ScalingKinds.ScheduledAction, action.Key, action.Version);
                }

                await write.CommitAsync(ct);
                return policies.Select(p => p.Value).ToList();
            },
            cancellationToken);
        var owned = deleted.SelectMany(p => p.Alarms).Select(a => a.Name).ToList();
        if (owned.Count > 0)
        {
            await alarmStore.DeleteAsync(owned, cancellationToken);
        }

        await alarmStore.RemoveAlarmActionsAsync(deleted.Where(p => p.TargetTracking is null).Select(p => p.Arn).ToList(), cancellationToken);

        return new DeregisterScalableTargetResponse();
    }
}
