using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.TargetGroups;

/// <summary>ModifyTargetGroup: changes health check settings; what is omitted stays.</summary>
internal sealed class ModifyTargetGroupHandler(ElbState elb) : IOperationHandler<ModifyTargetGroupInput, ModifyTargetGroupOutput>
{
    public async ValueTask<ModifyTargetGroupOutput> HandleAsync(ModifyTargetGroupInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var updated = await elb.Repository.RetryAsync(async ct =>
        {
            var group = await elb.TargetGroupAsync(input.TargetGroupArn, ct);
            var old = group.Value.HealthCheck;
            var check = new HealthCheckSettings
            {
                Enabled = input.HealthCheckEnabled ?? old.Enabled,
                Protocol = input.HealthCheckProtocol ?? old.Protocol,
                Port = input.HealthCheckPort ?? old.Port,
                Path = input.HealthCheckPath ?? old.Path,
                IntervalSeconds = input.HealthCheckIntervalSeconds ?? old.IntervalSeconds,
                TimeoutSeconds = input.HealthCheckTimeoutSeconds ?? old.TimeoutSeconds,
                HealthyThreshold = input.HealthyThresholdCount ?? old.HealthyThreshold,
                UnhealthyThreshold = input.UnhealthyThresholdCount ?? old.UnhealthyThreshold,
                Matcher = input.Matcher?.HttpCode ?? old.Matcher,
            };
            HealthCheckRules.Validate(check);
            var record = group.Value with { HealthCheck = check };
            var write = elb.Repository.Begin();
            write.Put(LoadBalancingKinds.TargetGroup, group.Key, "", record, group.Version);
            await write.CommitAsync(ct);
            return record;
        }, cancellationToken);
        var usage = await elb.TargetGroupUsageAsync(cancellationToken);
        return new ModifyTargetGroupOutput { TargetGroups = [ElbMapper.ToWire(updated, usage.GetValueOrDefault(updated.Arn) ?? [])] };
    }
}
