using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Ranking;

/// <summary>
/// One placement strategy as a score: lower is better. Candidates are compared on the first
/// ranker's score, ties broken by the next, as ECS applies strategies in the order given.
/// </summary>
internal interface IRanker
{
    long Score(InstanceState instance);
}
