using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Ranking;

/// <summary>
/// <c>binpack</c>: the instance with the least remaining cpu or memory first, so tasks fill
/// instances one by one and the fewest stay in use. Scores the state after earlier placements of
/// the same request, so ten tasks fill one instance before moving on.
/// </summary>
internal sealed class BinpackRanker(bool onMemory) : IRanker
{
    public long Score(InstanceState instance) => onMemory ? instance.RemainingMemory : instance.RemainingCpu;
}
