using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Targets;

/// <summary>
/// RegisterTargets: new targets start <c>initial</c> until health checks decide; a target already
/// registered keeps its health, and a draining one is taken back (initial again).
/// </summary>
internal sealed class RegisterTargetsHandler(ElbState elb, TargetResolver resolver, TimeProvider time)
    : IOperationHandler<RegisterTargetsInput, RegisterTargetsOutput>
{
    public async ValueTask<RegisterTargetsOutput> HandleAsync(RegisterTargetsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var group = await elb.TargetGroupAsync(input.TargetGroupArn, cancellationToken);
        var targets = await resolver.ResolveAsync(group.Value, input.Targets, mustExist: true, cancellationToken);
        await elb.Repository.RetryAsync(async ct =>
        {
            var current = await elb.TargetGroupAsync(group.Key, ct);
            var write = elb.Repository.Begin();
            var now = time.GetUtcNow();
            foreach (var (id, port, zone) in targets)
            {
                var key = LoadBalancingKinds.TargetKey(group.Key, id, port);
                var existing = await elb.Repository.GetAsync<TargetRecord>(LoadBalancingKinds.Target, key, ct);
                if (existing is not null && existing.Value.State != TargetStates.Draining)
                {
                    continue;
                }

                var record = new TargetRecord
                {
                    TargetGroupArn = group.Key,
                    Id = id,
                    Port = port,
                    AvailabilityZone = zone,
                    RegisteredAt = now,
                    State = TargetStates.Initial,
                    Reason = TargetStates.RegistrationInProgress,
                    Description = "Target registration is in progress",
                    StateChangedAt = now,
                };
                write.Put(LoadBalancingKinds.Target, key, group.Key, record, existing?.Version ?? 0);
            }

            if (!write.IsEmpty)
            {
                // The group's version keeps a concurrent DeleteTargetGroup from leaving orphans.
                write.Put(LoadBalancingKinds.TargetGroup, current.Key, "", current.Value, current.Version);
                await write.CommitAsync(ct);
            }

            return 0;
        }, cancellationToken);
        return new RegisterTargetsOutput();
    }
}
