using Wharf.Core.Model;
using Wharf.Core.Status;
using Wharf.Scheduling.Reconcilers;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.Services;
using Wharf.Server.State;

namespace Wharf.Server.Controllers.Services;

/// <summary>The service record's bookkeeping: failures, back-off, circuit breaker, counts, deployments, events.</summary>
internal sealed partial class ServicePlanner
{
    /// <summary>
    /// Counts tasks that stopped on their own since the last step (once each): a failed task of
    /// its deployment, and, when it never reached RUNNING, a launch failure for the back-off. A
    /// task that reached RUNNING after the last launch failure resets the back-off.
    /// </summary>
    private ServiceRecord Account(ServiceRecord service, IReadOnlyList<TaskRecord> tasks, DateTimeOffset now)
    {
        var accounted = new HashSet<string>(service.AccountedTaskArns, StringComparer.Ordinal);
        var deployments = service.Deployments.ToList();
        var consecutive = service.ConsecutiveLaunchFailures;
        var lastFailure = service.LastLaunchFailureAt;
        var next = service.NextLaunchAt;
        foreach (var task in tasks)
        {
            if (task.DesiredStatus != TaskStatuses.Stopped
                || task.StopCode is StopCodes.ServiceSchedulerInitiated or StopCodes.UserInitiated
                || !accounted.Add(task.Arn))
            {
                continue;
            }

            var index = deployments.FindIndex(d => d.Id == task.DeploymentId);
            if (index >= 0)
            {
                deployments[index] = deployments[index] with { FailedTasks = deployments[index].FailedTasks + 1, UpdatedAt = now };
            }

            if (task.StartedAt is null)
            {
                consecutive++;
                lastFailure = now;
                var delay = TaskLaunchBackoff.Delay(consecutive, random);
                next = delay > TimeSpan.Zero ? now + delay : null;
            }
        }

        if (consecutive > 0 && tasks.Any(t => t.LastStatus == TaskStatuses.Running && t.StartedAt > lastFailure))
        {
            consecutive = 0;
            next = null;
        }

        accounted.IntersectWith(tasks.Select(t => t.Arn));
        return service with
        {
            Deployments = deployments,
            ConsecutiveLaunchFailures = consecutive,
            LastLaunchFailureAt = lastFailure,
            NextLaunchAt = next,
            AccountedTaskArns = [.. accounted.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// The circuit breaker: at ECS's threshold of failed tasks the PRIMARY deployment is FAILED
    /// and launches nothing more; with rollback, a new PRIMARY runs the previous deployment's
    /// task definition.
    /// </summary>
    private ServiceRecord TripBreaker(ServiceRecord service, DateTimeOffset now, List<string> events)
    {
        var primary = service.Primary;
        if (!service.CircuitBreakerEnable
            || service.Status != EcsStatus.Active
            || primary.RolloutState != DeploymentStatuses.InProgress
            || !DeploymentCircuitBreaker.IsTripped(primary.FailedTasks, DeploymentCircuitBreaker.FailureThreshold(primary.DesiredCount)))
        {
            return service;
        }

        var failed = primary with
        {
            RolloutState = DeploymentStatuses.Failed,
            RolloutStateReason = "ECS deployment circuit breaker: tasks failed to start.",
            UpdatedAt = now,
        };
        events.Add(ServiceEventText.DeploymentFailed(service.Name, primary.Id));
        var previous = service.Deployments.Skip(1).FirstOrDefault();
        if (!service.CircuitBreakerRollback || previous is null)
        {
            return service with { Deployments = [failed, .. service.Deployments.Skip(1)] };
        }

        var rollback = ServiceDefinitions.NewDeployment(
            ids, previous.TaskDefinitionArn, service.DesiredCount, now, DeploymentLaunch.Of(previous),
            $"ECS deployment circuit breaker: rolling back to deploymentId {previous.Id}.");
        events.Add(ServiceEventText.RollingBack(service.Name, previous.Id));
        return service with
        {
            TaskDefinitionArn = previous.TaskDefinitionArn,
            Deployments = [rollback, failed with { Status = DeploymentStatuses.Active }, .. service.Deployments.Skip(1)],
            ConsecutiveLaunchFailures = 0,
            NextLaunchAt = null,
        };
    }

    /// <summary>
    /// Counts, deployments whose tasks have all stopped, rollout completion, steady state and events. Tasks on lost
    /// instances count for nothing: they are presumed dead until their agent returns and stops them.
    /// </summary>
    private ServiceRecord Finish(
        ServiceRecord service,
        ServiceStepInput input,
        List<Versioned<TaskRecord>> mine,
        Dictionary<string, HostCondition> hosts,
        List<(TaskRecord Task, long Version)> stops,
        StepDecision step,
        List<string> events)
    {
        var now = input.Now;
        var live = mine.Where(t => hosts[t.Value.Arn] != HostCondition.Lost).Select(t => t.Value).ToList();
        var deployments = new List<DeploymentRecord>();
        foreach (var (deployment, index) in service.Deployments.Select((d, i) => (d, i)))
        {
            var running = live.Count(t => t.DeploymentId == deployment.Id && TaskCounts.IsRunning(t));
            var pending = live.Count(t => t.DeploymentId == deployment.Id && TaskCounts.IsPending(t))
                + step.NewTasks.Count(t => t.DeploymentId == deployment.Id);
            // An older deployment stays listed (ACTIVE) until its last task has stopped, as ECS
            // lists it: a task told to stop still draining (DEACTIVATING, STOPPING) keeps it.
            if (index > 0 && running + pending == 0 && !live.Any(t => t.DeploymentId == deployment.Id))
            {
                continue;
            }

            var desired = index == 0 ? service.DesiredCount : deployment.DesiredCount;
            deployments.Add(running == deployment.RunningCount && pending == deployment.PendingCount && desired == deployment.DesiredCount
                ? deployment
                : deployment with { RunningCount = running, PendingCount = pending, DesiredCount = desired, UpdatedAt = now });
        }

        service = service with
        {
            Deployments = deployments,
            RunningCount = live.Count(TaskCounts.IsRunning),
            PendingCount = live.Count(TaskCounts.IsPending) + step.NewTasks.Count,
        };

        var stopping = live.Any(t => t.DesiredStatus == TaskStatuses.Stopped) || stops.Count > 0;
        if (service.Status == EcsStatus.Draining)
        {
            return Append(live.Count == 0 && stops.Count == 0 ? service with { Status = EcsStatus.Inactive } : service, events, now);
        }

        var steady = step.Steady && !stopping && deployments.Count == 1 && service.RunningCount == service.DesiredCount;
        if (steady)
        {
            if (service.Primary.RolloutState == DeploymentStatuses.InProgress)
            {
                service = service with
                {
                    Deployments =
                    [
                        service.Primary with
                        {
                            RolloutState = DeploymentStatuses.Completed,
                            RolloutStateReason = $"ECS deployment {service.Primary.Id} completed.",
                            UpdatedAt = now,
                        },
                    ],
                };
                events.Add(ServiceEventText.DeploymentCompleted(service.Name, service.Primary.Id));
            }

            var message = ServiceEventText.SteadyState(service.Name);
            if (events.Count > 0 || service.Events.Count == 0 || service.Events[0].Message != message)
            {
                events.Add(message);
            }

            service = service with { LastConditionMessage = null, LastConditionAt = null };
        }
        else if (step.Condition is { } condition
            && (condition != service.LastConditionMessage || service.LastConditionAt is not { } at || now - at >= input.ConditionRepeat))
        {
            events.Add(condition);
            service = service with { LastConditionMessage = condition, LastConditionAt = now };
        }

        return Append(service, events, now);
    }

    private ServiceRecord Append(ServiceRecord service, List<string> events, DateTimeOffset now)
    {
        foreach (var message in events)
        {
            service = service.WithEvent(ids.NewContainerId(), now, message);
        }

        return service;
    }
}
