using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// The DAEMON service reconciler: exactly one task on each eligible instance (ACTIVE, with the
/// required attributes, matching every memberOf constraint), following instances as they join,
/// drain or leave. A daemon never doubles up on an instance, so a rollout stops an old task
/// before its replacement starts, no more at once than minimumHealthyPercent allows (counted
/// over the eligible instances). On a DRAINING instance the daemon task is stopped last, once
/// the instance runs nothing else.
/// </summary>
public static class DaemonReconciler
{
    /// <summary>Computes one reconcile step.</summary>
    public static DaemonPlan Reconcile(DaemonReconcileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cluster = new PlacementCluster(input.Instances);
        var eligibility = EligibilityCheckers(input.Request, cluster);
        var eligible = cluster.Instances.Where(i => i.IsActive && eligibility.All(c => c.IsFeasible(i))).ToList();
        var primaryId = input.Primary.Id;

        var stops = new List<TaskStop>();
        var kept = new List<ServiceTaskSnapshot>();
        var retire = new List<(ServiceTaskSnapshot Task, StopReason Reason)>();
        var occupied = new HashSet<string>(StringComparer.Ordinal);
        var eligibleArns = eligible.Select(i => i.Arn).ToHashSet(StringComparer.Ordinal);

        foreach (var group in input.Tasks.GroupBy(t => t.ContainerInstanceArn ?? string.Empty, StringComparer.Ordinal))
        {
            occupied.Add(group.Key);
            var known = cluster.TryGet(group.Key, out var instance);
            if (!known || instance.Snapshot.Status is InstanceStatus.Inactive or InstanceStatus.Deregistering)
            {
                stops.AddRange(group.Select(t => new TaskStop(t.TaskArn, StopReason.InstanceLost)));
                continue;
            }

            var live = new List<ServiceTaskSnapshot>();
            foreach (var task in group)
            {
                if (task.Host == HostCondition.Lost)
                {
                    stops.Add(new TaskStop(task.TaskArn, StopReason.InstanceLost));
                }
                else
                {
                    live.Add(task);
                }
            }

            if (instance.Snapshot.Status == InstanceStatus.Draining || live.Any(t => t.Host == HostCondition.Draining))
            {
                var others = instance.Snapshot.RunningTasksCount + instance.Snapshot.PendingTasksCount - live.Count;
                if (others <= 0)
                {
                    stops.AddRange(live.Select(t => new TaskStop(t.TaskArn, StopReason.InstanceDraining)));
                }
                else
                {
                    kept.AddRange(live);
                }

                continue;
            }

            if (!eligibleArns.Contains(group.Key))
            {
                stops.AddRange(live.Select(t => new TaskStop(t.TaskArn, StopReason.ConstraintUnsatisfied)));
                continue;
            }

            var ranked = live
                .OrderBy(t => string.Equals(t.DeploymentId, primaryId, StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(t => t.Health switch { TaskHealth.Healthy => 0, TaskHealth.Unknown => 1, _ => 2 })
                .ThenBy(t => t.State == ServiceTaskState.Running ? 0 : 1)
                .ThenBy(t => t.TaskArn, StringComparer.Ordinal)
                .ToList();
            if (ranked.Count == 0)
            {
                continue;
            }

            stops.AddRange(ranked.Skip(1).Select(t => new TaskStop(t.TaskArn, StopReason.Duplicate)));
            var keeper = ranked[0];
            if (keeper.Health == TaskHealth.Unhealthy)
            {
                retire.Add((keeper, StopReason.Unhealthy));
            }
            else if (!string.Equals(keeper.DeploymentId, primaryId, StringComparison.Ordinal)
                && input.Primary.RolloutState != DeploymentRolloutState.Failed)
            {
                retire.Add((keeper, StopReason.ReplacedByDeployment));
            }
            else
            {
                kept.Add(keeper);
            }
        }

        var lower = DeploymentBounds.For(eligible.Count, input.MinimumHealthyPercent, DeploymentConfigurationRules.DaemonMaximumPercent).Lower;
        var healthy = kept.Count(t => t.IsHealthy && eligibleArns.Contains(t.ContainerInstanceArn ?? string.Empty))
            + retire.Count(r => r.Task.IsHealthy);
        var budget = Math.Max(0, healthy - lower);
        var heldByMinimum = 0;
        foreach (var (task, reason) in retire.OrderBy(r => r.Task.IsHealthy ? 1 : 0).ThenBy(r => r.Task.ContainerInstanceArn, StringComparer.Ordinal))
        {
            if (task.IsHealthy && budget == 0)
            {
                kept.Add(task);
                heldByMinimum++;
                continue;
            }

            budget -= task.IsHealthy ? 1 : 0;
            stops.Add(new TaskStop(task.TaskArn, reason));
        }

        var places = new List<DaemonPlacement>();
        var failures = new List<PlacementFailure>();
        var launching = !input.LaunchThrottled && input.Primary.RolloutState != DeploymentRolloutState.Failed;
        foreach (var instance in eligible.Where(i => launching && !occupied.Contains(i.Arn)))
        {
            var failure = Placer.PlaceOn(input.Request, cluster, instance.Arn);
            if (failure is null)
            {
                places.Add(new DaemonPlacement(primaryId, instance.Arn));
            }
            else
            {
                failures.Add(failure);
            }
        }

        var holding = kept.Select(t => t.DeploymentId).ToHashSet(StringComparer.Ordinal);
        var steady = stops.Count == 0 && places.Count == 0 && failures.Count == 0
            && eligible.All(i => occupied.Contains(i.Arn))
            && kept.Count == eligible.Count
            && kept.All(t => t.IsHealthy && string.Equals(t.DeploymentId, primaryId, StringComparison.Ordinal));
        var blocked = heldByMinimum > 0 && stops.Count == 0 && places.Count == 0 && kept.All(t => t.IsHealthy);
        return new DaemonPlan
        {
            BlockedByDeploymentConfiguration = blocked,
            DesiredCount = eligible.Count,
            Place = places,
            Stop = stops,
            Ignore = [.. kept.Select(t => t.TaskArn)],
            Failures = failures,
            DrainedDeployments = [.. input.OlderDeployments.Select(d => d.Id).Where(id => !holding.Contains(id))],
            SteadyState = steady,
        };
    }

    /// <summary>
    /// What makes an instance eligible for the daemon, regardless of its free resources; for an
    /// awsvpc daemon, being in the zone of one of its subnets (elsewhere no interface can attach).
    /// </summary>
    private static List<IFeasibilityChecker> EligibilityCheckers(PlacementRequest request, PlacementCluster cluster)
    {
        var checkers = new List<IFeasibilityChecker>();
        if (request.RequiredAttributes.Count > 0)
        {
            checkers.Add(new RequiredAttributesChecker(request.RequiredAttributes));
        }

        if (request.SubnetZones is { } subnets)
        {
            checkers.Add(new SubnetZoneChecker(subnets));
        }

        foreach (var constraint in request.EffectiveConstraints.Where(c => c.Type == PlacementConstraintType.MemberOf))
        {
            checkers.Add(new MemberOfChecker(constraint.Expression!, constraint.Expression!.IsDynamic ? null : cluster.StaticResults(constraint.Expression)));
        }

        return checkers;
    }
}
