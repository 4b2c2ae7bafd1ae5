using System.Collections.Frozen;
using Wharf.Core.Model;

namespace Wharf.LoadBalancer.Snapshots;

/// <summary>
/// Everything the data plane needs, read at one moment and never changed afterwards: listeners by
/// port and target groups by ARN. A new snapshot replaces the old one atomically.
/// </summary>
internal sealed class LoadBalancerSnapshot(
    IReadOnlyDictionary<int, ListenerRoute> listeners, IReadOnlyDictionary<string, TargetGroupView> targetGroups)
{
    public static readonly LoadBalancerSnapshot Empty = new(new Dictionary<int, ListenerRoute>(), new Dictionary<string, TargetGroupView>());

    public FrozenDictionary<int, ListenerRoute> Listeners { get; } = listeners.ToFrozenDictionary();

    public FrozenDictionary<string, TargetGroupView> TargetGroups { get; } = targetGroups.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Builds a snapshot from the records (pure; <paramref name="hostAddresses"/> maps instance ids to addresses).</summary>
    public static LoadBalancerSnapshot Build(
        IEnumerable<ListenerRecord> listeners,
        IEnumerable<RuleRecord> rules,
        IEnumerable<TargetGroupRecord> groups,
        IEnumerable<(string Key, long Version, TargetRecord Target)> targets,
        IReadOnlyDictionary<string, string> hostAddresses,
        string fallbackAddress)
    {
        var rulesByListener = rules.GroupBy(r => r.ListenerArn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Priority).ToList(), StringComparer.Ordinal);
        var routes = new Dictionary<int, ListenerRoute>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var listener in listeners)
        {
            var listenerRules = rulesByListener.GetValueOrDefault(listener.Arn) ?? [];
            routes[listener.Port] = new ListenerRoute(listener.Arn, listener.LoadBalancerArn, listener.Port, listenerRules, listener.DefaultActions);
            foreach (var action in listener.DefaultActions.Concat(listenerRules.SelectMany(r => r.Actions)))
            {
                used.UnionWith(action.TargetGroups.Select(t => t.TargetGroupArn));
            }
        }

        var targetsByGroup = targets.GroupBy(t => t.Target.TargetGroupArn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var views = new Dictionary<string, TargetGroupView>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var endpoints = (targetsByGroup.GetValueOrDefault(group.Arn) ?? [])
                .Select(t => new TargetEndpoint(t.Key, t.Version, t.Target, group.TargetType == "ip"
                    ? t.Target.Id
                    : hostAddresses.GetValueOrDefault(t.Target.Id) ?? fallbackAddress))
                .ToList();
            views[group.Arn] = new TargetGroupView(group, endpoints, used.Contains(group.Arn));
        }

        return new LoadBalancerSnapshot(routes, views);
    }
}
