using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Ranking;

namespace Wharf.Scheduling.Placement;

/// <summary>
/// One request's walk over the cluster: collects up to the candidate limit of feasible instances
/// per task and picks the best by the rankers. Why instances were rejected is only worked out
/// when no instance is feasible (a second, complete pass), which keeps the common path to a
/// feasibility check and a score per visited instance.
/// </summary>
internal sealed class CandidateSelection
{
    private readonly PlacementCluster _cluster;
    private readonly FeasibilityChain _chain;
    private readonly IRanker[] _rankers;
    private readonly int _limit;
    private readonly bool _sticky;
    private readonly string _group;
    private readonly int[] _order;
    private readonly List<InstanceState> _candidates;
    private long[] _scores;

    public CandidateSelection(PlacementRequest request, PlacementCluster cluster, Random random)
    {
        _cluster = cluster;
        _group = request.Group;
        _chain = FeasibilityChain.For(request, cluster);
        _rankers = Rankers.For(request, cluster, random);
        _limit = CandidateLimit.For(cluster.Count);
        _sticky = _limit < cluster.Count
            && request.EffectiveStrategies.Any(s => s.Type == PlacementStrategyType.Binpack);
        _order = cluster.ScanOrder(random);
        (_candidates, _scores) = cluster.Scratch;
    }

    /// <summary>The best feasible instance for the next task, or null when none is feasible.</summary>
    public InstanceState? SelectBest()
    {
        _candidates.Clear();
        _cluster.BeginRound();

        if (_sticky)
        {
            foreach (var index in _cluster.Recent(_group))
            {
                Visit(_cluster.Instances[index]);
            }
        }

        var n = _order.Length;
        for (var scanned = 0; scanned < n && _candidates.Count < _limit; scanned++)
        {
            var instance = _cluster.Instances[_order[_cluster.Cursor]];
            _cluster.Cursor = _cluster.Cursor + 1 == n ? 0 : _cluster.Cursor + 1;
            Visit(instance);
        }

        return _candidates.Count == 0 ? null : Rank();
    }

    /// <summary>Each active instance's first failed check, in the order the instances were given.</summary>
    public IReadOnlyList<PlacementFailure> Failures() =>
        [.. Rejections().Select(r => new PlacementFailure(r.Instance.Arn, r.Instance.Snapshot.Id, r.Checker.Reason))];

    /// <summary>The rejected instance that got furthest down the chain; the first such on a tie.</summary>
    public PlacementFailure? ClosestMatch()
    {
        (InstanceState Instance, IFeasibilityChecker Checker)? closest = null;
        foreach (var rejection in Rejections())
        {
            if (closest is null || rejection.Checker.Stage > closest.Value.Checker.Stage)
            {
                closest = rejection;
            }
        }

        return closest is { } c ? new PlacementFailure(c.Instance.Arn, c.Instance.Snapshot.Id, c.Checker.Reason) : null;
    }

    private IEnumerable<(InstanceState Instance, IFeasibilityChecker Checker)> Rejections()
    {
        foreach (var instance in _cluster.Instances)
        {
            if (instance.IsActive && _chain.FirstRejection(instance) is { } checker)
            {
                yield return (instance, checker);
            }
        }
    }

    private void Visit(InstanceState instance)
    {
        if (_cluster.MarkVisited(instance.Index) && instance.IsActive && _chain.FirstRejection(instance) is null)
        {
            _candidates.Add(instance);
        }
    }

    /// <summary>Lexicographic minimum over the rankers' scores; the first candidate wins a full tie.</summary>
    private InstanceState Rank()
    {
        var width = _rankers.Length;
        if (width == 0 || _candidates.Count == 1)
        {
            return _candidates[0];
        }

        if (_scores.Length < _candidates.Count * width)
        {
            _scores = new long[_candidates.Count * width * 2];
            _cluster.Scratch = (_candidates, _scores);
        }

        for (var c = 0; c < _candidates.Count; c++)
        {
            for (var r = 0; r < width; r++)
            {
                _scores[(c * width) + r] = _rankers[r].Score(_candidates[c]);
            }
        }

        var best = 0;
        for (var c = 1; c < _candidates.Count; c++)
        {
            for (var r = 0; r < width; r++)
            {
                var order = _scores[(c * width) + r].CompareTo(_scores[(best * width) + r]);
                if (order < 0)
                {
                    best = c;
                }

                if (order != 0)
                {
                    break;
                }
            }
        }

        return _candidates[best];
    }
}
