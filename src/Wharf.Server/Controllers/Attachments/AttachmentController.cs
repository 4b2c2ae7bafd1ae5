using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Server.CloudMap.Instances;
using Wharf.Server.Ecs.Common;
using Wharf.Server.ElasticLoadBalancing.Common;
using Wharf.Server.Placement;
using Wharf.Server.State;
using Wharf.Storage;

namespace Wharf.Server.Controllers.Attachments;

/// <summary>
/// Wires service tasks to their load balancer target groups and Cloud Map services: a
/// level-triggered reconciler woken by commits of tasks, services, targets, target groups,
/// listeners, rules and Cloud Map services, and by a short resync. Each pass reads every service
/// task that has (or should have) attachments, lets <see cref="AttachmentPlanner"/> decide, and
/// commits the task with its target documents at the versions read; a conflict is left to the next
/// pass. Cloud Map instances go through <see cref="InstanceRegistry"/> (deregistered before the task
/// records it, registered after), so a crash at any point is finished by a later pass without a
/// registration being lost or undone twice. Runs on one loop.
/// </summary>
internal sealed partial class AttachmentController(
    StateRepository state,
    ElbState elb,
    InstanceRegistry registry,
    TaskDefinitionResolver definitions,
    ArnFormatter arns,
    State.ResourceNames names,
    TimeProvider time,
    ILogger<AttachmentController> logger) : BackgroundService
{
    /// <summary>A pass runs at least this often (target health the data plane wrote, drains to end).</summary>
    public static readonly TimeSpan Resync = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly ConcurrentDictionary<string, TaskBlueprint> blueprints = new(StringComparer.Ordinal);

    /// <summary>Asks for a pass soon; many calls before the pass collapse into one.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string[] kinds =
        [
            StateKinds.Task, StateKinds.Service, LoadBalancingKinds.Target, LoadBalancingKinds.TargetGroup,
            LoadBalancingKinds.Listener, LoadBalancingKinds.Rule, DiscoveryKinds.Service,
        ];
        state.Store.Changed += (_, e) =>
        {
            if (kinds.Any(e.Kinds.Contains))
            {
                Wake();
            }
        };

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(Resync, stoppingToken);
                await ReconcileAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogPassFailed(logger, ex);
            }
        }
    }

    /// <summary>One pass over every service task of every cluster.</summary>
    public async Task ReconcileAllAsync(CancellationToken cancellationToken)
    {
        var groups = (await elb.TargetGroupsAsync(cancellationToken)).ToDictionary(g => g.Value.Arn, StringComparer.Ordinal);
        var inUse = (await elb.TargetGroupUsageAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        var registries = (await state.ListAsync<DiscoveryServiceRecord>(DiscoveryKinds.Service, null, cancellationToken))
            .ToDictionary(s => s.Value.Arn, s => s.Value, StringComparer.Ordinal);
        var targets = new Dictionary<string, Versioned<TargetRecord>>(StringComparer.Ordinal);
        var loadedGroups = new HashSet<string>(StringComparer.Ordinal);

        foreach (var cluster in await state.ListAsync<ClusterRecord>(StateKinds.Cluster, "", cancellationToken))
        {
            var services = (await state.ListAsync<ServiceRecord>(StateKinds.Service, cluster.Value.Arn, cancellationToken))
                .ToDictionary(s => s.Value.Arn, s => s.Value, StringComparer.Ordinal);
            var tasks = await state.ListAsync<TaskRecord>(StateKinds.Task, cluster.Value.Arn, cancellationToken);
            Dictionary<string, ContainerInstanceRecord>? instances = null;
            foreach (var task in tasks)
            {
                var service = task.Value.ServiceArn is { } serviceArn ? services.GetValueOrDefault(serviceArn) : null;
                if (!Relevant(task.Value, service))
                {
                    continue;
                }

                // The cluster's own instances and the Fargate pool's, where its FARGATE tasks run.
                instances ??= (await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, cluster.Value.Arn, cancellationToken))
                    .Concat(await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, names.FargatePool, cancellationToken))
                    .ToDictionary(i => i.Value.Arn, i => i.Value, StringComparer.Ordinal);
                foreach (var arn in (service?.LoadBalancers.Select(l => l.TargetGroupArn) ?? []).Concat(task.Value.Targets.Select(t => t.TargetGroupArn)))
                {
                    if (loadedGroups.Add(arn))
                    {
                        foreach (var target in await elb.TargetsAsync(arn, cancellationToken))
                        {
                            targets[target.Key] = target;
                        }
                    }
                }

                var blueprint = await BlueprintAsync(task.Value, cancellationToken);
                var step = AttachmentPlanner.Plan(new AttachmentStepInput
                {
                    Task = task.Value,
                    Service = service,
                    Instance = task.Value.ContainerInstanceArn is { } ci ? instances.GetValueOrDefault(ci) : null,
                    Groups = groups,
                    GroupsInUse = inUse,
                    Targets = targets,
                    Registries = registries,
                    HasHealthChecks = blueprint?.Containers.Any(c => c.Definition.HealthCheck is not null && (c.Definition.Essential ?? true)) ?? false,
                    NetworkMode = blueprint?.NetworkMode ?? "bridge",
                    ClusterName = cluster.Value.Name,
                    Region = arns.Account.Region,
                    Now = time.GetUtcNow(),
                });
                if (!step.Changed)
                {
                    continue;
                }

                try
                {
                    await ApplyAsync(task, step, groups, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTaskFailed(logger, task.Value.Arn, ex);
                }
            }
        }
    }

    /// <summary>A task with something registered, or a running task of a service that attaches its tasks.</summary>
    private static bool Relevant(TaskRecord task, ServiceRecord? service) =>
        task.HasLiveAttachments
        || (service is { Status: EcsStatus.Active } && (service.LoadBalancers.Count > 0 || service.ServiceRegistries.Count > 0)
            && task.LastStatus == TaskStatuses.Running && task.DesiredStatus == TaskStatuses.Running)
        || (task.Targets.Count > 0 && task.DesiredStatus == TaskStatuses.Running);

    private async ValueTask ApplyAsync(
        Versioned<TaskRecord> task, AttachmentStep step, Dictionary<string, Versioned<TargetGroupRecord>> groups, CancellationToken cancellationToken)
    {
        foreach (var instance in step.Deregister)
        {
            try
            {
                await registry.DeregisterAsync(instance.RegistryArn, instance.InstanceId, cancellationToken);
                LogCloudMapDeregistered(logger, task.Value.Arn, instance.RegistryArn);
            }
            catch (AwsServiceException ex) when (ex.Code is "InstanceNotFound" or "ServiceNotFound")
            {
                // Already gone (a previous pass, or the user): nothing left to undo.
            }
        }

        var updated = step.Task.LastStatus == task.Value.LastStatus ? step.Task : step.Task with { Version = task.Value.Version + 1 };
        var write = state.Begin();
        write.Put(StateKinds.Task, task.Key, task.Value.ClusterArn, updated, task.Version);
        foreach (var target in step.TargetWrites)
        {
            if (target.Record is null)
            {
                write.Delete(LoadBalancingKinds.Target, target.Key, target.ExpectedVersion);
                continue;
            }

            write.Put(LoadBalancingKinds.Target, target.Key, target.TargetGroupArn, target.Record, target.ExpectedVersion);
        }

        // A registration commits with its groups' versions, so a concurrent DeleteTargetGroup leaves no orphan.
        foreach (var arn in step.TargetWrites.Where(t => t.Record?.State == TargetStates.Initial).Select(t => t.TargetGroupArn).Distinct(StringComparer.Ordinal))
        {
            var group = groups[arn];
            write.Put(LoadBalancingKinds.TargetGroup, group.Key, "", group.Value, group.Version);
        }

        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Something moved since the read; the commit that moved it wakes the next pass.
            return;
        }

        foreach (var target in step.TargetWrites)
        {
            LogTargetChanged(logger, task.Value.Arn, target.TargetGroupArn, target.Record?.State ?? "removed");
        }

        foreach (var instance in step.Register)
        {
            try
            {
                await registry.RegisterAsync(instance.RegistryArn, instance.InstanceId, instance.Attributes, null, task.Value.Arn, cancellationToken);
                LogCloudMapRegistered(logger, task.Value.Arn, instance.RegistryArn);
            }
            catch (AwsServiceException ex)
            {
                LogCloudMapFailed(logger, task.Value.Arn, instance.RegistryArn, ex);
                await ForgetRegistrationAsync(task.Key, instance, cancellationToken);
            }
        }
    }

    /// <summary>Takes back a registration that failed, so a later pass tries it again.</summary>
    private ValueTask<bool> ForgetRegistrationAsync(string taskArn, CloudMapRegistration instance, CancellationToken cancellationToken) =>
        state.RetryAsync(async ct =>
        {
            var current = await state.GetAsync<TaskRecord>(StateKinds.Task, taskArn, ct);
            if (current is null || current.Value.DesiredStatus != TaskStatuses.Running)
            {
                return false;
            }

            var write = state.Begin();
            write.Put(StateKinds.Task, current.Key, current.Value.ClusterArn, current.Value with
            {
                Registrations = [.. current.Value.Registrations.Where(r => r.RegistryArn != instance.RegistryArn)],
            }, current.Version);
            await write.CommitAsync(ct);
            return true;
        }, cancellationToken);

    private async ValueTask<TaskBlueprint?> BlueprintAsync(TaskRecord task, CancellationToken cancellationToken)
    {
        if (blueprints.TryGetValue(task.TaskDefinitionArn, out var cached))
        {
            return cached;
        }

        var record = await definitions.FindAsync(task.TaskDefinitionArn, cancellationToken);

        // A revision's containers never change, so its blueprint is cached for good.
        return record is null ? null : blueprints.GetOrAdd(task.TaskDefinitionArn, TaskBlueprint.Create(record.Value));
    }

    [LoggerMessage(EventId = AttachmentControllerEvents.PassFailed, Level = LogLevel.Error, Message = "Attachment controller pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = AttachmentControllerEvents.TaskFailed, Level = LogLevel.Warning, Message = "Attaching or detaching task {Task} failed")]
    private static partial void LogTaskFailed(ILogger logger, string task, Exception exception);

    [LoggerMessage(EventId = AttachmentControllerEvents.TargetChanged, Level = LogLevel.Information, Message = "Task {Task} target in {TargetGroup}: {State}")]
    private static partial void LogTargetChanged(ILogger logger, string task, string targetGroup, string state);

    [LoggerMessage(EventId = AttachmentControllerEvents.CloudMapRegistered, Level = LogLevel.Information, Message = "Task {Task} registered in Cloud Map service {Registry}")]
    private static partial void LogCloudMapRegistered(ILogger logger, string task, string registry);

    [LoggerMessage(EventId = AttachmentControllerEvents.CloudMapDeregistered, Level = LogLevel.Information, Message = "Task {Task} deregistered from Cloud Map service {Registry}")]
    private static partial void LogCloudMapDeregistered(ILogger logger, string task, string registry);

    [LoggerMessage(EventId = AttachmentControllerEvents.CloudMapFailed, Level = LogLevel.Warning, Message = "Registering task {Task} in Cloud Map service {Registry} failed")]
    private static partial void LogCloudMapFailed(ILogger logger, string task, string registry, Exception exception);
}
