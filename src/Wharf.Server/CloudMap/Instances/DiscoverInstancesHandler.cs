using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Instances;

/// <summary>
/// DiscoverInstances by namespace (HTTP) name and service name. QueryParameters must all match;
/// OptionalParameters narrow the result only when something still matches. Instances of services
/// without health checks (UNKNOWN) count as healthy, as Cloud Map answers them to the default filter.
/// </summary>
internal sealed class DiscoverInstancesHandler(CloudMapState state) : IOperationHandler<DiscoverInstancesRequest, DiscoverInstancesResponse>
{
    public async ValueTask<DiscoverInstancesResponse> HandleAsync(DiscoverInstancesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var namespaces = await state.NamespacesAsync(cancellationToken);
        var ns = namespaces.FirstOrDefault(n => string.Equals(n.Value.HttpName, input.NamespaceName, StringComparison.OrdinalIgnoreCase))
            ?? throw CloudMapErrors.NamespaceNotFound(input.NamespaceName ?? "");
        var services = await state.ServicesAsync(ns.Value.Id, cancellationToken);
        var service = services.FirstOrDefault(s => string.Equals(s.Value.Name, input.ServiceName, StringComparison.OrdinalIgnoreCase))
            ?? throw CloudMapErrors.ServiceNotFound(input.ServiceName ?? "");
        var instances = await state.InstancesAsync(service.Value.Id, cancellationToken);

        var selected = Select(instances.Select(i => i.Value).ToList(), input.QueryParameters, input.OptionalParameters, input.HealthStatus ?? "HEALTHY");
        return new DiscoverInstancesResponse
        {
            Instances = selected.Take(input.MaxResults ?? 100).Select(i => new HttpInstanceSummary
            {
                InstanceId = i.Id,
                NamespaceName = ns.Value.HttpName,
                ServiceName = service.Value.Name,
                HealthStatus = i.HealthStatus,
                Attributes = i.Attributes.ToDictionary(),
            }).ToList(),
            InstancesRevision = Revision(instances),
        };
    }

    /// <summary>The instances a discovery returns, before MaxResults.</summary>
    public static IReadOnlyList<DiscoveryInstanceRecord> Select(
        IReadOnlyList<DiscoveryInstanceRecord> instances, IReadOnlyDictionary<string, string>? query,
        IReadOnlyDictionary<string, string>? optional, string healthStatus)
    {
        var matching = instances.Where(i => MatchesAll(i, query)).ToList();
        if (optional is { Count: > 0 })
        {
            var narrowed = matching.Where(i => MatchesAll(i, optional)).ToList();
            if (narrowed.Count > 0)
            {
                matching = narrowed;
            }
        }

        var healthy = matching.Where(i => i.HealthStatus != "UNHEALTHY").ToList();
        return healthStatus switch
        {
            "HEALTHY" => healthy,
            "UNHEALTHY" => matching.Where(i => i.HealthStatus == "UNHEALTHY").ToList(),
            "ALL" => matching,
            "HEALTHY_OR_ELSE_ALL" => healthy.Count > 0 ? healthy : matching,
            _ => throw CloudMapErrors.InvalidInput($"Invalid HealthStatus '{healthStatus}'."),
        };
    }

    private static bool MatchesAll(DiscoveryInstanceRecord instance, IReadOnlyDictionary<string, string>? parameters) =>
        parameters is null || parameters.All(p => instance.Attributes.TryGetValue(p.Key, out var value) && value == p.Value);

    /// <summary>Changes whenever an instance is registered, changed or removed.</summary>
    private static long Revision(IReadOnlyList<Versioned<DiscoveryInstanceRecord>> instances)
    {
        long revision = 0;
        foreach (var instance in instances)
        {
            revision += instance.Version + instance.Value.RegisteredAt.ToUnixTimeMilliseconds();
        }

        return revision;
    }
}
