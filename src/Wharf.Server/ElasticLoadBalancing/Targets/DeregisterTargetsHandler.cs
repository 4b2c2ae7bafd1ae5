using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Targets;

/// <summary>
/// DeregisterTargets: a target of a group in use drains for the group's
/// <c>deregistration_delay.timeout_seconds</c> (the data plane removes it then); otherwise it goes at once.
/// </summary>
internal sealed class DeregisterTargetsHandler(ElbState elb, TargetResolver resolver, TimeProvider time)
    : IOperationHandler<DeregisterTargetsInput, DeregisterTargetsOutput>
{
    public async ValueTask<DeregisterTargetsOutput> HandleAsync(DeregisterTargetsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var group = await elb.TargetGroupAsync(input.TargetGroupArn, cancellationToken);
        var targets = await resolver.ResolveAsync(group.Value, input.Targets, mustExist: false, cancellationToken);
        await elb.Repository.RetryAsync(async ct =>
        {
            var current = await elb.TargetGroupAsync(group.Key, ct);
            var inUse = (await elb.TargetGroupUsageAsync(ct)).ContainsKey(group.Key);
            var delay = ElbAttributes.DeregistrationDelaySeconds(current.Value.Attributes);
            var now = time.GetUtcNow();
            var write = elb.Repository.Begin();
            foreach (var (id, port, _) in targets)
            {
                var key = LoadBalancingKinds.TargetKey(group.Key, id, port);
                var existing = await elb.Repository.GetAsync<TargetRecord>(LoadBalancingKinds.Target, key, ct)
                    ?? throw ElbErrors.InvalidTarget($"The following targets are not registered in target group '{group.Key}': '{id}:{port}'");
                if (existing.Value.State == TargetStates.Draining)
                {
                    continue;
                }

                if (!inUse || delay == 0)
                {
                    write.Delete(LoadBalancingKinds.Target, key, existing.Version);
                    continue;
                }

                write.Put(LoadBalancingKinds.Target, key, group.Key, existing.Value with
                {
                    State = TargetStates.Draining,
                    Reason = TargetStates.DeregistrationInProgress,
                    Description = "Target deregistration is in progress",
                    StateChangedAt = now,
                    DrainUntil = now.AddSeconds(delay),
                }, existing.Version);
            }

            if (!write.IsEmpty)
            {
                await write.CommitAsync(ct);
            }

            return 0;
        }, cancellationToken);
        return new DeregisterTargetsOutput();
    }
}
