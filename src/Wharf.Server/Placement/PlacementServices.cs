using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Wharf.Server.Placement;

/// <summary>Registers the snapshot builder and the committer (idempotent: RunTask and the schedulers all call it).</summary>
internal static class PlacementServices
{
    public static IServiceCollection AddPlacement(this IServiceCollection services)
    {
        // Placement's randomness (random strategy, candidate sampling) is injected so tests can seed it.
        services.TryAddSingleton(Random.Shared);
        services.TryAddSingleton<ClusterSnapshotBuilder>();
        services.TryAddSingleton<PlacementCommitter>();
        return services;
    }
}
