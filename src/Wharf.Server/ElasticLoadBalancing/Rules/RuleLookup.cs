using Wharf.Core.Model;
using Wharf.Server.ElasticLoadBalancing.Common;
using Wharf.Server.State;

namespace Wharf.Server.ElasticLoadBalancing.Rules;

/// <summary>Finds a rule by ARN, telling a listener's default rule (kept on the listener) from stored rules.</summary>
internal sealed class RuleLookup(ElbState elb)
{
    /// <summary>The stored rule, or null with the listener when <paramref name="ruleArn"/> is a default rule.</summary>
    public async ValueTask<(Versioned<RuleRecord>? Rule, Versioned<ListenerRecord>? DefaultOf)> FindAsync(string? ruleArn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(ruleArn))
        {
            throw ElbErrors.RuleNotFound(ruleArn);
        }

        var rule = await elb.Repository.GetAsync<RuleRecord>(LoadBalancingKinds.Rule, ruleArn, cancellationToken);
        if (rule is not null)
        {
            return (rule, null);
        }

        if (!ruleArn.Contains(":listener-rule/", StringComparison.Ordinal))
        {
            throw ElbErrors.RuleNotFound(ruleArn);
        }

        var listener = await elb.Repository.GetAsync<ListenerRecord>(LoadBalancingKinds.Listener, ElbNames.ListenerOfRule(ruleArn), cancellationToken);
        if (listener is null || ElbNames.Rule(listener.Key, listener.Value.DefaultRuleId) != ruleArn)
        {
            throw ElbErrors.RuleNotFound(ruleArn);
        }

        return (null, listener);
    }

    public static void ValidatePriority(int? priority)
    {
        if (priority is not (>= 1 and <= 50000))
        {
            throw ElbErrors.Validation($"Priority '{priority}' must be from 1 to 50000");
        }
    }
}
