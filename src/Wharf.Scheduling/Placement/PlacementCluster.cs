using Wharf.Scheduling.Model;
using Wharf.Scheduling.Query;

namespace Wharf.Scheduling.Placement;

/// <summary>
/// A working copy of the cluster that placements accumulate in. Build one from a snapshot, place
/// any number of requests against it (RunTask, several services in one reconcile pass), and every
/// placement sees the resources, ports and spread counts the earlier ones consumed. It also keeps
/// the indexes that make a placement cheap at 10,000 instances: spread counts per attribute value,
/// cached results of static <c>memberOf</c> expressions, a shuffled scan order.
/// Not thread-safe: one scheduler pass owns it.
/// </summary>
public sealed class PlacementCluster
{
    private const int RecentCapacity = 8;

    private readonly Dictionary<string, InstanceState> _byArn;
    private readonly Dictionary<string, int[]> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int[]>> _spreadCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _recent = new(StringComparer.Ordinal);
    private readonly Dictionary<ClusterQueryExpression, sbyte[]> _staticQueryResults = new(ReferenceEqualityComparer.Instance);
    private int[]? _scanOrder;
    private int[] _visitStamps;
    private int _stamp;

    /// <summary>Creates the working copy from instance snapshots.</summary>
    public PlacementCluster(IReadOnlyList<InstanceSnapshot> instances)
    {
        ArgumentNullException.ThrowIfNull(instances);
        Instances = new InstanceState[instances.Count];
        _byArn = new Dictionary<string, InstanceState>(instances.Count, StringComparer.Ordinal);
        for (var i = 0; i < instances.Count; i++)
        {
            Instances[i] = new InstanceState(instances[i], i);
            _byArn[instances[i].ContainerInstanceArn] = Instances[i];
            ActiveCount += Instances[i].IsActive ? 1 : 0;
        }

        _visitStamps = new int[instances.Count];
    }

    /// <summary>The number of instances.</summary>
    public int Count => Instances.Length;

    /// <summary>The number of ACTIVE instances.</summary>
    public int ActiveCount { get; }

    internal InstanceState[] Instances { get; }

    internal int Cursor { get; set; }

    /// <summary>Buffers a selection reuses between placements, so placing a task allocates little.</summary>
    internal (List<InstanceState> Candidates, long[] Scores) Scratch { get; set; } = ([], new long[256]);

    /// <summary>CPU units still free on an instance after the placements made so far.</summary>
    public int RemainingCpu(string containerInstanceArn) => Get(containerInstanceArn).RemainingCpu;

    /// <summary>Memory still free on an instance after the placements made so far.</summary>
    public int RemainingMemory(string containerInstanceArn) => Get(containerInstanceArn).RemainingMemory;

    /// <summary>Tasks of a group on an instance, counting the placements made so far.</summary>
    public int CountInGroup(string containerInstanceArn, string group) => Get(containerInstanceArn).CountInGroup(group);

    internal bool TryGet(string arn, out InstanceState instance) => _byArn.TryGetValue(arn, out instance!);

    /// <summary>A scan order shuffled once, so sampling candidates does not favour the snapshot's order.</summary>
    internal int[] ScanOrder(Random random)
    {
        if (_scanOrder is null)
        {
            _scanOrder = new int[Instances.Length];
            for (var i = 0; i < _scanOrder.Length; i++)
            {
                _scanOrder[i] = i;
            }

            random.Shuffle(_scanOrder);
            Cursor = Instances.Length == 0 ? 0 : random.Next(Instances.Length);
        }

        return _scanOrder;
    }

    /// <summary>Starts a new selection round; <see cref="MarkVisited"/> then reports first visits only.</summary>
    internal void BeginRound()
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_visitStamps);
            _stamp = 1;
        }
    }

    internal bool MarkVisited(int index)
    {
        if (_visitStamps[index] == _stamp)
        {
            return false;
        }

        _visitStamps[index] = _stamp;
        return true;
    }

    /// <summary>Per-instance cache of an expression that reads nothing placement changes: 0 unknown, 1 true, -1 false.</summary>
    internal sbyte[] StaticResults(ClusterQueryExpression expression)
    {
        if (!_staticQueryResults.TryGetValue(expression, out var results))
        {
            results = new sbyte[Instances.Length];
            _staticQueryResults[expression] = results;
        }

        return results;
    }

    /// <summary>
    /// The spread bucket of every instance for an attribute: instances with the same value share
    /// a bucket; missing and value-less share one. Built once per attribute, so scoring a spread
    /// is two array reads instead of two string hashes.
    /// </summary>
    internal int[] SpreadBuckets(string attribute)
    {
        if (!_buckets.TryGetValue(attribute, out var bucketOf))
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            bucketOf = new int[Instances.Length];
            foreach (var instance in Instances)
            {
                var value = instance.TryGetAttribute(attribute, out var v) ? v ?? string.Empty : string.Empty;
                if (!ids.TryGetValue(value, out var id))
                {
                    id = ids.Count;
                    ids[value] = id;
                }

                bucketOf[instance.Index] = id;
            }

            _buckets[attribute] = bucketOf;
        }

        return bucketOf;
    }

    /// <summary>Tasks of <paramref name="group"/> per spread bucket of an attribute, built on first use and kept current.</summary>
    internal int[] SpreadCounts(string group, string attribute)
    {
        if (!_spreadCounts.TryGetValue(group, out var byAttribute))
        {
            byAttribute = new Dictionary<string, int[]>(StringComparer.Ordinal);
            _spreadCounts[group] = byAttribute;
        }

        if (!byAttribute.TryGetValue(attribute, out var counts))
        {
            var bucketOf = SpreadBuckets(attribute);
            counts = new int[Instances.Length == 0 ? 0 : bucketOf.Max() + 1];
            foreach (var instance in Instances)
            {
                counts[bucketOf[instance.Index]] += instance.CountInGroup(group);
            }

            byAttribute[attribute] = counts;
        }

        return counts;
    }

    /// <summary>The instances this group was last placed on, most recent first.</summary>
    internal IReadOnlyList<int> Recent(string group) =>
        _recent.TryGetValue(group, out var recent) ? recent : [];

    /// <summary>Records a placement: the instance absorbs the task, and the group's indexes follow.</summary>
    internal void Apply(InstanceState instance, PlacementRequest request)
    {
        instance.Reserve(request);
        if (_spreadCounts.TryGetValue(request.Group, out var byAttribute))
        {
            foreach (var (attribute, counts) in byAttribute)
            {
                counts[_buckets[attribute][instance.Index]]++;
            }
        }

        if (!_recent.TryGetValue(request.Group, out var recent))
        {
            recent = new List<int>(RecentCapacity);
            _recent[request.Group] = recent;
        }

        recent.Remove(instance.Index);
        recent.Insert(0, instance.Index);
        if (recent.Count > RecentCapacity)
        {
            recent.RemoveAt(recent.Count - 1);
        }
    }

    private InstanceState Get(string arn) =>
        _byArn.TryGetValue(arn, out var instance) ? instance : throw new KeyNotFoundException($"No instance {arn} in this cluster.");
}
