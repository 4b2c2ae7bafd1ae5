using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Core.Status;
using Wharf.Scheduling.Messages;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;
using Wharf.Scheduling.Reconcilers;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.Services;
using Wharf.Server.Ecs.Tasks;
using Wharf.Server.Placement;
using Wharf.Server.State;
using Wire = Wharf.Protocol.Generated.Ecs;

namespace Wharf.Server.Controllers.Services;

/// <summary>
/// One reconcile step of one service, pure over a <see cref="ServiceStepInput"/>: counts the
/// tasks that failed since the last step (deployment failures, launch back-off, circuit breaker),
/// asks the Scheduling reconciler what to start and stop, places new tasks through the shared
/// pipeline, and words the service events. The caller commits the result in one transaction at
/// the versions read, so a step that loses a race is simply recomputed.
/// </summary>
internal sealed partial class ServicePlanner(ArnFormatter arns, EcsIdGenerator ids, AwsvpcNetworks networks, Random random)
{
    public ServiceStepResult Plan(ServiceStepInput input)
    {
        var events = new List<string>();
        var service = Account(input.Service, input.Tasks, input.Now);
        service = TripBreaker(service, input.Now, events);

        var mine = input.Snapshot.ActiveTasks.Where(t => t.Value.ServiceArn == service.Arn).ToList();
        var hosts = mine.ToDictionary(t => t.Value.Arn, t => HostOf(t.Value, input), StringComparer.Ordinal);
        var wanted = mine.Where(t => t.Value.DesiredStatus == TaskStatuses.Running).ToList();

        var step = service.Status == EcsStatus.Draining
            ? Drain(wanted)
            : service.SchedulingStrategy == ServiceValidation.Daemon
                ? Daemon(service, input, wanted, hosts)
                : Replica(service, input, wanted, hosts);

        var stops = new List<(TaskRecord Task, long Version)>();
        foreach (var stop in step.Stops)
        {
            var task = mine.First(t => t.Value.Arn == stop.TaskArn);
            var instanceId = task.Value.ContainerInstanceArn is { } ci ? State.ResourceNames.LastSegment(ci) : null;
            var failedTarget = stop.Reason == StopReason.Unhealthy
                ? task.Value.Targets.FirstOrDefault(t => !t.Deregistered && t.State == TargetStates.Unhealthy)
                : null;
            if (failedTarget is not null)
            {
                events.Add(ServiceEventText.TargetUnhealthy(service.Name, failedTarget));
            }

            stops.Add((task.Value with
            {
                DesiredStatus = TaskStatuses.Stopped,
                StopCode = StopCodes.ServiceSchedulerInitiated,
                StoppedReason = failedTarget is not null
                    ? ServiceEventText.ElbStopReason(failedTarget.TargetGroupArn)
                    : ServiceEventText.StopReason(stop.Reason, service.Primary.Id, instanceId),
                StoppingAt = task.Value.StoppingAt ?? input.Now,
                Version = task.Value.Version + 1,
            }, task.Version));
        }

        if (stops.Count > 0)
        {
            events.Add(ServiceEventText.Stopped(service.Name, stops.Select(s => s.Task.Id)));
        }

        if (step.NewTasks.Count > 0)
        {
            events.Add(ServiceEventText.Started(service.Name, step.NewTasks.Select(t => t.Id)));
        }

        service = step.DesiredCount is { } daemonCount ? service with { DesiredCount = daemonCount } : service;
        service = Finish(service, input, mine, hosts, stops, step, events);
        return new ServiceStepResult(service, step.NewTasks, stops);
    }

    private static StepDecision Drain(List<Versioned<TaskRecord>> wanted) =>
        new([], wanted.Select(t => new TaskStop(t.Value.Arn, StopReason.ScaleIn)).ToList(), Steady: wanted.Count == 0, Condition: null);

    private StepDecision Replica(
        ServiceRecord service, ServiceStepInput input, List<Versioned<TaskRecord>> wanted, Dictionary<string, HostCondition> hosts)
    {
        var plan = ReplicaReconciler.Reconcile(new ReplicaReconcileInput
        {
            DesiredCount = service.DesiredCount,
            MinimumHealthyPercent = service.MinimumHealthyPercent,
            MaximumPercent = service.MaximumPercent,
            Primary = Snapshot(service.Primary),
            OlderDeployments = service.Deployments.Skip(1).Select(Snapshot).ToList(),
            Tasks = wanted.Select(t => ToSnapshot(t.Value, hosts[t.Value.Arn], service, input)).ToList(),
            LaunchThrottled = service.NextLaunchAt is { } next && next > input.Now,
        });

        // ECS bounds the tasks in RUNNING or PENDING state, and a task told to stop is still
        // RUNNING until its agent has stopped it: its slot frees only then.
        var stopping = input.Snapshot.ActiveTasks.Count(t => t.Value.ServiceArn == service.Arn
            && t.Value.DesiredStatus == TaskStatuses.Stopped
            && hosts.GetValueOrDefault(t.Value.Arn) != HostCondition.Lost);
        var live = wanted.Count(t => hosts[t.Value.Arn] != HostCondition.Lost);
        var count = Math.Min(plan.PlaceCount, Math.Max(0, plan.Bounds.Upper - live - stopping));

        string? condition = null;
        var created = new List<TaskRecord>();
        if (count > 0 && input.Blueprints.TryGetValue(service.Primary.TaskDefinitionArn, out var blueprint))
        {
            var options = Options(service);
            var request = blueprint.ToPlacementRequest(options, count, Constraints(service), Strategies(service), PlacementOrigin.Service);
            var result = Placer.Place(request, input.Snapshot.InstancesFor(service.Primary.LaunchType), random);
            var placed = result.Placements
                .Select(p => blueprint.NewTask(arns, ids, input.Cluster, input.Snapshot.Find(p.ContainerInstanceArn)!, options, input.Now))
                .ToList();
            // The PRIMARY deployment's strategy splits the PRIMARY deployment's tasks: those of
            // older deployments, which go as it rolls out, do not count.
            created.AddRange(CapacityProviderSplit.Assign(
                service.Primary.CapacityProviderStrategy,
                wanted.Where(t => t.Value.DeploymentId == service.Primary.Id).Select(t => t.Value.CapacityProviderName),
                placed));
            if (!result.AllPlaced)
            {
                condition = ServiceEventText.Head(
                    service.Primary.LaunchType == FargateCapacity.LaunchType
                        ? ServiceEventMessages.UnableToPlaceOnFargate(service.Name)
                        : ServiceEventMessages.UnableToPlace(service.Name, result),
                    service.Name);
            }
        }

        if (plan.ThrottledPlacements > 0)
        {
            condition ??= ServiceEventText.Head(ServiceEventMessages.UnableToConsistentlyStartTasks(service.Name), service.Name);
        }

        if (plan.BlockedByDeploymentConfiguration)
        {
            condition ??= ServiceEventText.Head(ServiceEventMessages.BlockedByDeploymentConfiguration(service.Name), service.Name);
        }

        return new StepDecision(created, plan.Stop, plan.SteadyState && created.Count == 0, condition);
    }

    private StepDecision Daemon(
        ServiceRecord service, ServiceStepInput input, List<Versioned<TaskRecord>> wanted, Dictionary<string, HostCondition> hosts)
    {
        if (!input.Blueprints.TryGetValue(service.Primary.TaskDefinitionArn, out var blueprint))
        {
            return new StepDecision([], [], Steady: false, Condition: null);
        }

        var options = Options(service);
        var request = blueprint.ToPlacementRequest(options, 1, Constraints(service), null, PlacementOrigin.Service);
        var instances = input.Snapshot.InstancesFor(service.Primary.LaunchType).Where(i => !input.LostInstances.Contains(i.ContainerInstanceArn)).ToList();
        var plan = DaemonReconciler.Reconcile(new DaemonReconcileInput
        {
            Instances = instances,
            Request = request,
            Primary = Snapshot(service.Primary),
            OlderDeployments = service.Deployments.Skip(1).Select(Snapshot).ToList(),
            Tasks = wanted.Select(t => ToSnapshot(t.Value, hosts[t.Value.Arn], service, input)).ToList(),
            MinimumHealthyPercent = service.MinimumHealthyPercent,
            LaunchThrottled = service.NextLaunchAt is { } next && next > input.Now,
        });

        var created = plan.Place
            .Select(p => blueprint.NewTask(arns, ids, input.Cluster, input.Snapshot.Find(p.ContainerInstanceArn)!, options, input.Now))
            .ToList();
        string? condition = null;
        if (plan.Failures.Count > 0)
        {
            var result = new PlacementResult
            {
                Placements = [],
                UnplacedCount = plan.Failures.Count,
                Failures = plan.Failures,
                ClosestMatch = plan.Failures[0],
            };
            condition = ServiceEventText.Head(ServiceEventMessages.UnableToPlace(service.Name, result), service.Name);
        }
        else if (plan.BlockedByDeploymentConfiguration)
        {
            condition = ServiceEventText.Head(ServiceEventMessages.BlockedByDeploymentConfiguration(service.Name), service.Name);
        }

        return new StepDecision(created, plan.Stop, plan.SteadyState && created.Count == 0, condition) { DesiredCount = plan.DesiredCount };
    }

    private NewTaskOptions Options(ServiceRecord service) =>
        new($"service:{service.Name}", service.Primary.Id, service.Primary.LaunchType)
        {
            ServiceArn = service.Arn,
            DeploymentId = service.Primary.Id,
            EnableExecuteCommand = service.EnableExecuteCommand,
            Network = service.Primary.NetworkConfiguration is { } network ? networks.ForTasks(network) : null,
            PlatformVersion = service.Primary.LaunchType == FargateCapacity.LaunchType ? FargateCapacity.Resolve(service.Primary.PlatformVersion) : null,
        };

    private static IReadOnlyList<Scheduling.Model.PlacementConstraint> Constraints(ServiceRecord service) =>
        LaunchValidation.Constraints(WireJson.FromNode<List<Wire.PlacementConstraint>>(service.PlacementConstraints), 0);

    private static IReadOnlyList<Scheduling.Model.PlacementStrategy>? Strategies(ServiceRecord service) =>
        LaunchValidation.Strategies(WireJson.FromNode<List<Wire.PlacementStrategy>>(service.PlacementStrategy));

    private static DeploymentSnapshot Snapshot(DeploymentRecord deployment) => new(
        deployment.Id,
        deployment.TaskDefinitionArn,
        deployment.CreatedAt,
        deployment.RolloutState switch
        {
            DeploymentStatuses.Completed => DeploymentRolloutState.Completed,
            DeploymentStatuses.Failed => DeploymentRolloutState.Failed,
            _ => DeploymentRolloutState.InProgress,
        });

    private static HostCondition HostOf(TaskRecord task, ServiceStepInput input)
    {
        if (task.ContainerInstanceArn is not { } arn
            || !input.Snapshot.Records.TryGetValue(arn, out var instance)
            || input.LostInstances.Contains(arn)
            || instance.Value.Status is "INACTIVE" or "DEREGISTERING")
        {
            return HostCondition.Lost;
        }

        return instance.Value.Status == EcsStatus.Draining ? HostCondition.Draining : HostCondition.Active;
    }

    private static ServiceTaskSnapshot ToSnapshot(TaskRecord task, HostCondition host, ServiceRecord service, ServiceStepInput input) => new()
    {
        TaskArn = task.Arn,
        DeploymentId = task.DeploymentId ?? string.Empty,
        State = task.LastStatus == TaskStatuses.Running ? ServiceTaskState.Running : ServiceTaskState.Pending,
        Health = HealthOf(task, service, input),
        ContainerInstanceArn = task.ContainerInstanceArn,
        AvailabilityZone = task.AvailabilityZone,
        Host = host,
        StartedAt = task.StartedAt ?? task.CreatedAt,
    };

    /// <summary>
    /// RUNNING tasks without container health checks count as healthy; with checks, as the checks
    /// say, except that UNHEALTHY within <c>healthCheckGracePeriodSeconds</c> of the start is not held against them.
    /// A task of a service with load balancers is healthy only once every one of its targets is
    /// <c>healthy</c>, and unhealthy (after the grace period) when one is <c>unhealthy</c>.
    /// </summary>
    private static TaskHealth HealthOf(TaskRecord task, ServiceRecord service, ServiceStepInput input)
    {
        if (task.LastStatus != TaskStatuses.Running)
        {
            return TaskHealth.Unknown;
        }

        var graceOver = service.HealthCheckGracePeriodSeconds is not { } grace
            || task.StartedAt is not { } started
            || input.Now - started >= TimeSpan.FromSeconds(grace);
        var containers = ContainerHealth(task, input, graceOver);
        var targets = TargetHealth(task, service, graceOver);
        return containers == TaskHealth.Unhealthy || targets == TaskHealth.Unhealthy ? TaskHealth.Unhealthy
            : containers == TaskHealth.Healthy && targets == TaskHealth.Healthy ? TaskHealth.Healthy
            : TaskHealth.Unknown;
    }

    private static TaskHealth ContainerHealth(TaskRecord task, ServiceStepInput input, bool graceOver)
    {
        var hasChecks = input.Blueprints.TryGetValue(task.TaskDefinitionArn, out var blueprint)
            && blueprint.Containers.Any(c => c.Definition.HealthCheck is not null && (c.Definition.Essential ?? true));
        if (!hasChecks)
        {
            return TaskHealth.Healthy;
        }

        return task.HealthStatus switch
        {
            "HEALTHY" => TaskHealth.Healthy,
            "UNHEALTHY" when graceOver => TaskHealth.Unhealthy,
            _ => TaskHealth.Unknown,
        };
    }

    private static TaskHealth TargetHealth(TaskRecord task, ServiceRecord service, bool graceOver)
    {
        var live = task.Targets.Where(t => !t.Deregistered).ToList();
        if (live.Count == 0)
        {
            // Not registered yet: a task behind a load balancer is not healthy before the balancer says so.
            return service.LoadBalancers.Count > 0 ? TaskHealth.Unknown : TaskHealth.Healthy;
        }

        return live.Any(t => t.State == TargetStates.Unhealthy) && graceOver ? TaskHealth.Unhealthy
            : live.All(t => t.State == TargetStates.Healthy) ? TaskHealth.Healthy
            : TaskHealth.Unknown;
    }

    /// <summary>What the strategy-specific part decided.</summary>
    private sealed record StepDecision(IReadOnlyList<TaskRecord> NewTasks, IReadOnlyList<TaskStop> Stops, bool Steady, string? Condition)
    {
        /// <summary>A daemon's desired count (its eligible instances); null for REPLICA.</summary>
        public int? DesiredCount { get; init; }
    }
}
