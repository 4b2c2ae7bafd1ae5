namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// The REPLICA service reconciler: a pure function from (desired state, existing tasks) to a
/// <see cref="ReplicaPlan"/>, in the manner of Nomad's reconciler. One step:
/// <list type="number">
/// <item>Tasks on lost instances are stopped and count for nothing, so they are replaced at once.</item>
/// <item>The primary deployment's tasks on healthy hosts are kept, up to the desired count; the
/// rest retire: unhealthy, on DRAINING instances, of older deployments, or surplus (scale-in).</item>
/// <item>New primary tasks fill what is missing, but the total (RUNNING + PENDING) never passes
/// the upper bound.</item>
/// <item>Retiring tasks that are not healthy (pending, unknown, unhealthy) are stopped at once:
/// they serve nobody. Healthy ones are stopped only while the healthy count stays at or above the
/// lower bound (drained instances first, then the oldest deployment, then surplus).</item>
/// </list>
/// Places are bounded by the total before this step's stops take effect, since a stopping task
/// still holds its resources; the next step uses the room they leave.
/// </summary>
public static class ReplicaReconciler
{
    /// <summary>Computes one reconcile step.</summary>
    public static ReplicaPlan Reconcile(ReplicaReconcileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(input.DesiredCount);
        var desired = input.DesiredCount;
        var bounds = DeploymentBounds.For(desired, input.MinimumHealthyPercent, input.MaximumPercent);
        var primaryId = input.Primary.Id;

        var stops = new List<TaskStop>();
        var active = new List<ServiceTaskSnapshot>();
        foreach (var task in input.Tasks)
        {
            if (task.Host == HostCondition.Lost)
            {
                stops.Add(new TaskStop(task.TaskArn, StopReason.InstanceLost));
            }
            else
            {
                active.Add(task);
            }
        }

        if (input.Primary.RolloutState == DeploymentRolloutState.Failed)
        {
            // A FAILED deployment launches nothing; without a rollback the service holds what it has.
            return Plan(input, bounds, [], stops, active, steady: false, blocked: false, throttled: 0);
        }

        var keep = new List<ServiceTaskSnapshot>();
        var retire = new List<(ServiceTaskSnapshot Task, StopReason Reason)>();
        foreach (var task in active)
        {
            if (task.Health == TaskHealth.Unhealthy)
            {
                retire.Add((task, StopReason.Unhealthy));
            }
            else if (task.Host == HostCondition.Draining)
            {
                retire.Add((task, StopReason.InstanceDraining));
            }
            else if (!string.Equals(task.DeploymentId, primaryId, StringComparison.Ordinal))
            {
                retire.Add((task, StopReason.ReplacedByDeployment));
            }
            else
            {
                keep.Add(task);
            }
        }

        if (keep.Count > desired)
        {
            foreach (var surplus in ScaleInOrder.Select(keep, keep.Count - desired))
            {
                keep.Remove(surplus);
                retire.Add((surplus, StopReason.ScaleIn));
            }
        }

        var healthy = active.Count(t => t.IsHealthy);
        var want = Math.Max(0, desired - keep.Count);
        var placeable = Math.Min(want, Math.Max(0, bounds.Upper - active.Count));
        var place = input.LaunchThrottled ? 0 : placeable;

        var budget = Math.Max(0, healthy - bounds.Lower);
        var stoppedByPolicy = 0;
        var kept = new List<ServiceTaskSnapshot>(keep);
        foreach (var (task, reason) in RetireOrder(retire, input))
        {
            if (task.IsHealthy && budget == 0)
            {
                kept.Add(task);
                continue;
            }

            budget -= task.IsHealthy ? 1 : 0;
            stops.Add(new TaskStop(task.TaskArn, reason));
            stoppedByPolicy++;
        }

        var inFlight = keep.Any(t => !t.IsHealthy);
        var blocked = (retire.Count > 0 || want > 0) && placeable == 0 && stoppedByPolicy == 0 && !inFlight;
        var steady = retire.Count == 0 && want == 0 && stops.Count == 0 && keep.All(t => t.IsHealthy);
        IReadOnlyList<DeploymentPlacement> placements = place > 0 ? [new DeploymentPlacement(primaryId, place)] : [];
        return Plan(input, bounds, placements, stops, kept, steady, blocked, placeable - place);
    }

    /// <summary>
    /// Free stops first (tasks that are not healthy); then healthy tasks by urgency: draining
    /// instances, older deployments oldest first (balanced across zones), surplus.
    /// </summary>
    private static IEnumerable<(ServiceTaskSnapshot Task, StopReason Reason)> RetireOrder(
        List<(ServiceTaskSnapshot Task, StopReason Reason)> retire,
        ReplicaReconcileInput input)
    {
        foreach (var entry in retire.Where(r => !r.Task.IsHealthy))
        {
            yield return entry;
        }

        var healthy = retire.Where(r => r.Task.IsHealthy).ToList();
        foreach (var entry in healthy.Where(r => r.Reason == StopReason.InstanceDraining))
        {
            yield return entry;
        }

        var age = input.OlderDeployments.ToDictionary(d => d.Id, d => d.CreatedAt, StringComparer.Ordinal);
        var replaced = healthy.Where(r => r.Reason == StopReason.ReplacedByDeployment)
            .GroupBy(r => r.Task.DeploymentId, StringComparer.Ordinal)
            .OrderBy(g => age.TryGetValue(g.Key, out var created) ? created : DateTimeOffset.MinValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var deployment in replaced)
        {
            var tasks = deployment.Select(r => r.Task).ToList();
            foreach (var task in ScaleInOrder.Select(tasks, tasks.Count))
            {
                yield return (task, StopReason.ReplacedByDeployment);
            }
        }

        foreach (var entry in healthy.Where(r => r.Reason == StopReason.ScaleIn))
        {
            yield return entry;
        }
    }

    private static ReplicaPlan Plan(
        ReplicaReconcileInput input,
        DeploymentBounds bounds,
        IReadOnlyList<DeploymentPlacement> placements,
        List<TaskStop> stops,
        List<ServiceTaskSnapshot> kept,
        bool steady,
        bool blocked,
        int throttled)
    {
        var holding = kept.Select(t => t.DeploymentId).ToHashSet(StringComparer.Ordinal);
        return new ReplicaPlan
        {
            Bounds = bounds,
            Place = placements,
            Stop = stops,
            Ignore = [.. kept.Select(t => t.TaskArn)],
            DrainedDeployments = [.. input.OlderDeployments.Select(d => d.Id).Where(id => !holding.Contains(id))],
            SteadyState = steady,
            BlockedByDeploymentConfiguration = blocked,
            ThrottledPlacements = throttled,
        };
    }
}
