using Wharf.Core.Model;
using Wharf.Storage;

namespace Wharf.LoadBalancer.Snapshots;

/// <summary>Reads the load balancing records and container instance addresses from the store into a snapshot.</summary>
internal sealed class SnapshotReader(IStateStore store, LoadBalancerOptions options)
{
    public async ValueTask<LoadBalancerSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var listeners = (await store.ListAsync(LoadBalancingKinds.Listener, null, cancellationToken)).Select(d => StateJson.Read<ListenerRecord>(d.Body));
        var rules = (await store.ListAsync(LoadBalancingKinds.Rule, null, cancellationToken)).Select(d => StateJson.Read<RuleRecord>(d.Body));
        var groups = (await store.ListAsync(LoadBalancingKinds.TargetGroup, null, cancellationToken)).Select(d => StateJson.Read<TargetGroupRecord>(d.Body));
        var targets = (await store.ListAsync(LoadBalancingKinds.Target, null, cancellationToken))
            .Select(d => (d.Key, d.Version, StateJson.Read<TargetRecord>(d.Body)));
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in await store.ListAsync(StateKinds.ContainerInstance, null, cancellationToken))
        {
            var instance = StateJson.Read<ContainerInstanceRecord>(document.Body);
            if (!string.IsNullOrEmpty(instance.HostAddress))
            {
                addresses[instance.Ec2InstanceId] = instance.HostAddress;
            }
        }

        return LoadBalancerSnapshot.Build(listeners.ToList(), rules.ToList(), groups.ToList(), targets.ToList(), addresses, options.TargetFallbackAddress);
    }
}
