using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Rules;

/// <summary>ModifyRule: replaces conditions and/or actions; a default rule takes actions only (they are its listener's).</summary>
internal sealed class ModifyRuleHandler(ElbState elb, RuleLookup lookup) : IOperationHandler<ModifyRuleInput, ModifyRuleOutput>
{
    public async ValueTask<ModifyRuleOutput> HandleAsync(ModifyRuleInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var conditions = input.Conditions is { Count: > 0 } ? ConditionMapper.ToRecords(input.Conditions) : null;
        var actions = input.Actions is { Count: > 0 } ? ActionMapper.ToRecords(input.Actions) : null;
        if (actions is not null)
        {
            await elb.CheckTargetGroupsAsync(actions, cancellationToken);
        }

        var result = await elb.Repository.RetryAsync(async ct =>
        {
            var (rule, defaultOf) = await lookup.FindAsync(input.RuleArn, ct);
            var write = elb.Repository.Begin();
            Rule wire;
            if (rule is null)
            {
                if (conditions is not null)
                {
                    throw ElbErrors.OperationNotPermitted("Conditions cannot be specified for a default rule");
                }

                var listener = defaultOf!.Value with { DefaultActions = actions ?? defaultOf.Value.DefaultActions };
                write.Put(LoadBalancingKinds.Listener, listener.Arn, listener.LoadBalancerArn, listener, defaultOf.Version);
                wire = ElbMapper.DefaultRule(listener);
            }
            else
            {
                var updated = rule.Value with { Conditions = conditions ?? rule.Value.Conditions, Actions = actions ?? rule.Value.Actions };
                write.Put(LoadBalancingKinds.Rule, updated.Arn, updated.ListenerArn, updated, rule.Version);
                wire = ElbMapper.ToWire(updated);
            }

            await write.CommitAsync(ct);
            return wire;
        }, cancellationToken);
        return new ModifyRuleOutput { Rules = [result] };
    }
}
