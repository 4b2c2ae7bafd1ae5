using Wharf.Core.Model;

namespace Wharf.LoadBalancer.Snapshots;

/// <summary>A listener as the data plane serves it: its rules by ascending priority, then its default actions.</summary>
internal sealed record ListenerRoute(
    string ListenerArn,
    string LoadBalancerArn,
    int Port,
    IReadOnlyList<RuleRecord> Rules,
    IReadOnlyList<RuleActionRecord> DefaultActions);
