using Wharf.Core.Model;
using Wharf.LoadBalancer.Snapshots;

namespace Wharf.LoadBalancer.Routing;

/// <summary>Picks what a listener does with a request: the first rule by priority whose conditions hold, else the default.</summary>
internal static class ActionSelector
{
    public static RuleActionRecord? Select(ListenerRoute listener, RequestFacts request)
    {
        foreach (var rule in listener.Rules)
        {
            if (RuleMatcher.Matches(rule.Conditions, request))
            {
                return rule.Actions.Count > 0 ? rule.Actions[0] : null;
            }
        }

        return listener.DefaultActions.Count > 0 ? listener.DefaultActions[0] : null;
    }

    /// <summary>
    /// The target group of a forward, drawn by weight; <paramref name="next"/> returns a uniform
    /// integer in [0, max). Null when every weight is zero.
    /// </summary>
    public static string? PickTargetGroup(RuleActionRecord forward, Func<int, int> next)
    {
        var groups = forward.TargetGroups;
        if (groups.Count == 1)
        {
            return groups[0].TargetGroupArn;
        }

        var total = groups.Sum(g => g.Weight);
        if (total == 0)
        {
            return null;
        }

        var draw = next(total);
        foreach (var group in groups)
        {
            draw -= group.Weight;
            if (draw < 0)
            {
                return group.TargetGroupArn;
            }
        }

        return groups[^1].TargetGroupArn;
    }
}
