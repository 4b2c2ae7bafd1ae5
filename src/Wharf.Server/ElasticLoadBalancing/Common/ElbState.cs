using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>Reads ELBv2 records, turning a missing one into ELBv2's not-found error. Stateless.</summary>
internal sealed class ElbState(StateRepository state)
{
    public StateRepository Repository => state;

    public async ValueTask<Versioned<LoadBalancerRecord>> LoadBalancerAsync(string? arn, CancellationToken cancellationToken) =>
        await GetAsync<LoadBalancerRecord>(LoadBalancingKinds.LoadBalancer, arn, cancellationToken) ?? throw ElbErrors.LoadBalancerNotFound(arn);

    public async ValueTask<Versioned<TargetGroupRecord>> TargetGroupAsync(string? arn, CancellationToken cancellationToken) =>
        await GetAsync<TargetGroupRecord>(LoadBalancingKinds.TargetGroup, arn, cancellationToken) ?? throw ElbErrors.TargetGroupNotFound(arn);

    public async ValueTask<Versioned<ListenerRecord>> ListenerAsync(string? arn, CancellationToken cancellationToken) =>
        await GetAsync<ListenerRecord>(LoadBalancingKinds.Listener, arn, cancellationToken) ?? throw ElbErrors.ListenerNotFound(arn);

    public async ValueTask<Versioned<RuleRecord>> RuleAsync(string? arn, CancellationToken cancellationToken) =>
        await GetAsync<RuleRecord>(LoadBalancingKinds.Rule, arn, cancellationToken) ?? throw ElbErrors.RuleNotFound(arn);

    public ValueTask<IReadOnlyList<Versioned<LoadBalancerRecord>>> LoadBalancersAsync(CancellationToken cancellationToken) =>
        state.ListAsync<LoadBalancerRecord>(LoadBalancingKinds.LoadBalancer, null, cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<TargetGroupRecord>>> TargetGroupsAsync(CancellationToken cancellationToken) =>
        state.ListAsync<TargetGroupRecord>(LoadBalancingKinds.TargetGroup, null, cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<ListenerRecord>>> ListenersAsync(string? loadBalancerArn, CancellationToken cancellationToken) =>
        state.ListAsync<ListenerRecord>(LoadBalancingKinds.Listener, loadBalancerArn, cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<RuleRecord>>> RulesAsync(string? listenerArn, CancellationToken cancellationToken) =>
        state.ListAsync<RuleRecord>(LoadBalancingKinds.Rule, listenerArn, cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<TargetRecord>>> TargetsAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        state.ListAsync<TargetRecord>(LoadBalancingKinds.Target, targetGroupArn, cancellationToken);

    /// <summary>The balancers whose listeners or rules forward to each target group.</summary>
    public async ValueTask<Dictionary<string, SortedSet<string>>> TargetGroupUsageAsync(CancellationToken cancellationToken)
    {
        var usage = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Use(IEnumerable<RuleActionRecord> actions, string loadBalancerArn)
        {
            foreach (var arn in ActionMapper.TargetGroupArns(actions))
            {
                if (!usage.TryGetValue(arn, out var set))
                {
                    usage[arn] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(loadBalancerArn);
            }
        }

        var listeners = await ListenersAsync(null, cancellationToken);
        var balancerOf = listeners.ToDictionary(l => l.Value.Arn, l => l.Value.LoadBalancerArn, StringComparer.Ordinal);
        foreach (var listener in listeners)
        {
            Use(listener.Value.DefaultActions, listener.Value.LoadBalancerArn);
        }

        foreach (var rule in await RulesAsync(null, cancellationToken))
        {
            if (balancerOf.TryGetValue(rule.Value.ListenerArn, out var lb))
            {
                Use(rule.Value.Actions, lb);
            }
        }

        return usage;
    }

    /// <summary>Checks that every target group an action forwards to exists.</summary>
    public async ValueTask CheckTargetGroupsAsync(IEnumerable<RuleActionRecord> actions, CancellationToken cancellationToken)
    {
        foreach (var arn in ActionMapper.TargetGroupArns(actions))
        {
            _ = await TargetGroupAsync(arn, cancellationToken);
        }
    }

    private async ValueTask<Versioned<T>?> GetAsync<T>(string kind, string? arn, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(arn) ? null : await state.GetAsync<T>(kind, arn, cancellationToken);
}
