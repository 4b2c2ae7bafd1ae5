using Microsoft.Extensions.Primitives;
using Wharf.LoadBalancer.Snapshots;
using Yarp.ReverseProxy.Configuration;

namespace Wharf.LoadBalancer.Proxy;

/// <summary>
/// YARP configuration from snapshots: one cluster per target group whose destinations are the
/// group's routable targets, and one catch-all route whose requests <see cref="ListenerRoutingMiddleware"/>
/// reassigns to the cluster its listener rules pick. Each update is a new immutable config that
/// signals the previous one's change token. <see cref="Update"/> has a single caller (the snapshot publisher).
/// </summary>
internal sealed class SnapshotProxyConfigProvider : IProxyConfigProvider, IDisposable
{
    public const string RouteId = "wharf-listeners";
    public const string NoClusterId = "wharf-no-target-group";

    private volatile SnapshotProxyConfig config = new([], []);
    private SnapshotProxyConfig? retired;

    public IProxyConfig GetConfig() => config;

    public void Dispose()
    {
        retired?.Dispose();
        config.Dispose();
    }

    public void Update(LoadBalancerSnapshot snapshot)
    {
        var clusters = new List<ClusterConfig> { new() { ClusterId = NoClusterId } };
        foreach (var view in snapshot.TargetGroups.Values)
        {
            clusters.Add(new ClusterConfig
            {
                ClusterId = view.Group.Arn,
                LoadBalancingPolicy = "RoundRobin",
                Destinations = view.Routable.ToDictionary(t => t.Key, t => new DestinationConfig { Address = t.Url }, StringComparer.Ordinal),
            });
        }

        var route = new RouteConfig
        {
            RouteId = RouteId,
            ClusterId = NoClusterId,
            Match = new RouteMatch { Path = "/{**catch-all}" },
            Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
        };
        var previous = config;
        config = new SnapshotProxyConfig([route], clusters);
        previous.SignalChange();

        // YARP has left the config before the previous one by now; its token source can go.
        retired?.Dispose();
        retired = previous;
    }

    private sealed class SnapshotProxyConfig : IProxyConfig, IDisposable
    {
        private readonly CancellationTokenSource changed = new();

        public SnapshotProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters)
        {
            Routes = routes;
            Clusters = clusters;
            ChangeToken = new CancellationChangeToken(changed.Token);
        }

        public IReadOnlyList<RouteConfig> Routes { get; }

        public IReadOnlyList<ClusterConfig> Clusters { get; }

        public IChangeToken ChangeToken { get; }

        public string RevisionId { get; } = Guid.NewGuid().ToString("N");

        public void SignalChange() => changed.Cancel();

        public void Dispose() => changed.Dispose();
    }
}
