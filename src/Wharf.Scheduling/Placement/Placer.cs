using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Ranking;

namespace Wharf.Scheduling.Placement;

/// <summary>
/// The placement pipeline shared by RunTask, services and daemons: for each task, find feasible
/// instances (the <see cref="FeasibilityChain"/>), rank a bounded set of them by the request's
/// strategies (<see cref="CandidateLimit"/>), place on the best, and update the working cluster
/// so the next task sees what this one consumed. Pure: no I/O, randomness injected.
/// </summary>
public static class Placer
{
    /// <summary>Places <see cref="PlacementRequest.Count"/> tasks on a snapshot of the cluster.</summary>
    public static PlacementResult Place(PlacementRequest request, IReadOnlyList<InstanceSnapshot> instances, Random random) =>
        Place(request, new PlacementCluster(instances), random);

    /// <summary>
    /// Places <see cref="PlacementRequest.Count"/> tasks on a working cluster, which absorbs the
    /// placements (so several requests in one scheduler pass see each other).
    /// </summary>
    public static PlacementResult Place(PlacementRequest request, PlacementCluster cluster, Random random)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Count);

        if (cluster.ActiveCount == 0)
        {
            return new PlacementResult { Placements = [], UnplacedCount = request.Count, NoContainerInstances = request.Count > 0 };
        }

        var selection = new CandidateSelection(request, cluster, random);
        var placements = new List<TaskPlacement>(request.Count);
        for (var i = 0; i < request.Count; i++)
        {
            var best = selection.SelectBest();
            if (best is null)
            {
                return new PlacementResult
                {
                    Placements = placements,
                    UnplacedCount = request.Count - i,
                    Failures = selection.Failures(),
                    ClosestMatch = selection.ClosestMatch(),
                };
            }

            cluster.Apply(best, request);
            placements.Add(new TaskPlacement(best.Arn, best.Snapshot.Id));
        }

        return new PlacementResult { Placements = placements };
    }

    /// <summary>
    /// Places one task of the request on a given instance if it is feasible there (StartTask, and
    /// daemons, whose instance is chosen by the reconciler), absorbing it into the cluster.
    /// </summary>
    /// <returns>Null when placed; otherwise why the instance refused it.</returns>
    public static PlacementFailure? PlaceOn(PlacementRequest request, PlacementCluster cluster, string containerInstanceArn)
    {
        var failure = Check(request, cluster, containerInstanceArn);
        if (failure is null)
        {
            cluster.TryGet(containerInstanceArn, out var instance);
            cluster.Apply(instance, request);
        }

        return failure;
    }

    /// <summary>Whether one task of the request fits a given instance now, without placing it.</summary>
    /// <returns>Null when it fits; otherwise the failure, with reason <c>MISSING</c> for an unknown instance.</returns>
    public static PlacementFailure? Check(PlacementRequest request, PlacementCluster cluster, string containerInstanceArn)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cluster);
        if (!cluster.TryGet(containerInstanceArn, out var instance))
        {
            return new PlacementFailure(containerInstanceArn, string.Empty, "MISSING");
        }

        if (instance.Snapshot.Status is InstanceStatus.Inactive)
        {
            return new PlacementFailure(instance.Arn, instance.Snapshot.Id, "INACTIVE");
        }

        var rejection = FeasibilityChain.For(request, cluster).FirstRejection(instance);
        return rejection is null ? null : new PlacementFailure(instance.Arn, instance.Snapshot.Id, rejection.Reason);
    }
}
