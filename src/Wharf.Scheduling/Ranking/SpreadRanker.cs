using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Ranking;

/// <summary>
/// <c>spread</c>: the value (instance, or attribute value such as a zone) with the fewest tasks
/// of this group first. Service tasks spread over the service's tasks, standalone tasks over
/// their task group, which is the same thing here: the request's group. Counts cover the whole
/// cluster, not just the sampled candidates, and follow each placement, so four tasks over two
/// zones land 2 + 2.
/// </summary>
internal sealed class SpreadRanker : IRanker
{
    private readonly string _group;
    private readonly int[]? _bucketOf;
    private readonly int[]? _counts;

    public SpreadRanker(PlacementCluster cluster, string group, string? attribute)
    {
        _group = group;
        if (attribute is not null)
        {
            _bucketOf = cluster.SpreadBuckets(attribute);
            _counts = cluster.SpreadCounts(group, attribute);
        }
    }

    public long Score(InstanceState instance) =>
        _counts is null ? instance.CountInGroup(_group) : _counts[_bucketOf![instance.Index]];
}
