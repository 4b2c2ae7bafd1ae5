using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Ranking;

/// <summary>Builds the rankers of a request's effective strategies, in order.</summary>
internal static class Rankers
{
    public static IRanker[] For(PlacementRequest request, PlacementCluster cluster, Random random)
    {
        var strategies = request.EffectiveStrategies;
        var rankers = new IRanker[strategies.Count];
        for (var i = 0; i < strategies.Count; i++)
        {
            var strategy = strategies[i];
            rankers[i] = strategy.Type switch
            {
                PlacementStrategyType.Binpack => new BinpackRanker(strategy.Field == "memory"),
                PlacementStrategyType.Spread => new SpreadRanker(cluster, request.Group, strategy.AttributeName),
                _ => new RandomRanker(random),
            };
        }

        return rankers;
    }
}
