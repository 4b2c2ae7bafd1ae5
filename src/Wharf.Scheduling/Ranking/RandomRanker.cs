using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Ranking;

/// <summary>
/// <c>random</c>: a fresh random score per candidate and placement, from the injected source so
/// tests are reproducible. As a first strategy it makes later ones irrelevant; after others it
/// breaks their ties at random.
/// </summary>
internal sealed class RandomRanker(Random random) : IRanker
{
    public long Score(InstanceState instance) => random.NextInt64();
}
