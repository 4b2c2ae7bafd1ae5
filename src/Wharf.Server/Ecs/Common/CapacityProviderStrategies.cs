using Wharf.Core.Model;
using Wharf.Server.Ecs.Clusters;
using Wharf.Server.Ecs.Tasks;
using Wire = Wharf.Protocol.Generated.Ecs;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// The capacity provider strategy of a launch or a service, as ECS chooses it: the one given, else
/// (when no launch type was given either) the cluster's default strategy. Every provider must be
/// associated with the cluster; Wharf provides FARGATE and FARGATE_SPOT capacity and no other, so
/// a strategy naming another provider is refused as a feature this endpoint lacks.
/// </summary>
internal static class CapacityProviderStrategies
{
    /// <summary>The validated strategy; empty when the tasks go by launch type.</summary>
    public static IReadOnlyList<CapacityProviderStrategyRecord> Resolve(
        ClusterRecord cluster, string? launchType, IReadOnlyList<Wire.CapacityProviderStrategyItem>? given)
    {
        if (launchType is not null)
        {
            return [];
        }

        var items = given is { Count: > 0 }
            ? given
            : WireJson.FromNode<List<Wire.CapacityProviderStrategyItem>>(cluster.DefaultCapacityProviderStrategy) ?? [];
        if (items.Count == 0)
        {
            return [];
        }

        ClusterRules.ValidateCapacityProviders(cluster.CapacityProviders, items);
        if (items.All(i => (i.Weight ?? 0) == 0))
        {
            throw EcsErrors.InvalidParameter(
                "The specified capacity provider strategy must contain at least one capacity provider with a weight greater than 0.");
        }

        if (items.FirstOrDefault(i => !FargateCapacity.IsProvider(i.CapacityProvider)) is { } other)
        {
            throw TaskErrors.NoCapacityFor(other.CapacityProvider!);
        }

        return items.Select(i => new CapacityProviderStrategyRecord(i.CapacityProvider!, i.Weight ?? 0, i.Base ?? 0)).ToList();
    }

    /// <summary>The strategy as the API shows it.</summary>
    public static List<Wire.CapacityProviderStrategyItem> ToWire(IReadOnlyList<CapacityProviderStrategyRecord> strategy) =>
        strategy.Select(s => new Wire.CapacityProviderStrategyItem { CapacityProvider = s.CapacityProvider, Weight = s.Weight, Base = s.Base }).ToList();
}
