using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Ranking;

namespace Wharf.Scheduling.Placement;

/// <summary>
/// One request's walk over the cluster: collects up to the candidate limit of feasible instances
/// per task, remembers why the others were rejected, and picks the best by the rankers.
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
    private readonly List<InstanceState> _candidates = [];
    private readonly List<(InstanceState Instance, IFeasibilityChecker Checker)> _rejections = [];
    private long[] _scores = [];

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
    }

    /// <summary>The best feasible instance for the next task, or null when none is feasible.</summary>
    public InstanceState? SelectBest()
    {
        _candidates.Clear();
        _rejections.Clear();
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

    public IReadOnlyList<PlacementFailure> Failures() =>
        [.. _rejections.OrderBy(r => r.Instance.Index).Select(r => ToFailure(r.Instance, r.Checker))];

    public PlacementFailure? ClosestMatch()
    {
        (InstanceState Instance, IFeasibilityChecker Checker)? closest = null;
        foreach (var rejection in _rejections)
        {
            if (closest is null
                || rejection.Checker.Stage > closest.Value.Checker.Stage
                || (rejection.Checker.Stage == closest.Value.Checker.Stage && rejection.Instance.Index < closest.Value.Instance.Index))
            {
                closest = rejection;
            }
        }

        return closest is { } c ? ToFailure(c.Instance, c.Checker) : null;
    }

    private static PlacementFailure ToFailure(InstanceState instance, IFeasibilityChecker checker) =>
        new(instance.Arn, instance.Snapshot.Id, checker.Reason);

    private void Visit(InstanceState instance)
    {
        if (!_cluster.MarkVisited(instance.Index) || !instance.IsActive)
        {
            return;
        }

        var rejection = _chain.FirstRejection(instance);
        if (rejection is null)
        {
            _candidates.Add(instance);
        }
        else
        {
            _rejections.Add((instance, rejection));
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
