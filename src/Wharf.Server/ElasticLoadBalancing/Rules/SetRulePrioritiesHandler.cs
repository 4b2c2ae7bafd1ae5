using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;
using Wharf.Server.State;

namespace Wharf.Server.ElasticLoadBalancing.Rules;

/// <summary>SetRulePriorities: all changes in one transaction; the resulting priorities must be unique per listener.</summary>
internal sealed class SetRulePrioritiesHandler(ElbState elb, RuleLookup lookup) : IOperationHandler<SetRulePrioritiesInput, SetRulePrioritiesOutput>
{
    public async ValueTask<SetRulePrioritiesOutput> HandleAsync(SetRulePrioritiesInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var pairs = input.RulePriorities ?? [];
        if (pairs.Count == 0)
        {
            throw ElbErrors.Validation("At least one rule priority must be specified");
        }

        if (pairs.Select(p => p.RuleArn).Distinct(StringComparer.Ordinal).Count() != pairs.Count)
        {
            throw ElbErrors.Validation("A rule can appear only once in a rule priorities list");
        }

        foreach (var pair in pairs)
        {
            RuleLookup.ValidatePriority(pair.Priority);
        }

        var updated = await elb.Repository.RetryAsync(async ct =>
        {
            var changed = new List<(Versioned<RuleRecord> Old, RuleRecord New)>();
            foreach (var pair in pairs)
            {
                var (rule, _) = await lookup.FindAsync(pair.RuleArn, ct);
                if (rule is null)
                {
                    throw ElbErrors.OperationNotPermitted("The priority of a default rule cannot be changed");
                }

                changed.Add((rule, rule.Value with { Priority = pair.Priority!.Value }));
            }

            foreach (var listenerArn in changed.Select(c => c.New.ListenerArn).Distinct(StringComparer.Ordinal))
            {
                var final = (await elb.RulesAsync(listenerArn, ct)).ToDictionary(r => r.Key, r => r.Value.Priority, StringComparer.Ordinal);
                foreach (var (_, rule) in changed.Where(c => c.New.ListenerArn == listenerArn))
                {
                    final[rule.Arn] = rule.Priority;
                }

                var clash = final.GroupBy(r => r.Value).FirstOrDefault(g => g.Count() > 1);
                if (clash is not null)
                {
                    throw ElbErrors.PriorityInUse(clash.Key);
                }
            }

            var write = elb.Repository.Begin();
            foreach (var (old, rule) in changed)
            {
                write.Put(LoadBalancingKinds.Rule, rule.Arn, rule.ListenerArn, rule, old.Version);
            }

            await write.CommitAsync(ct);
            return changed.Select(c => c.New).ToList();
        }, cancellationToken);
        return new SetRulePrioritiesOutput { Rules = updated.Select(ElbMapper.ToWire).ToList() };
    }
}
