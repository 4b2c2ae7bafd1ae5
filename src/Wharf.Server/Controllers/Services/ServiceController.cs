using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Core.Model;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Placement;
using Wharf.Server.State;

namespace Wharf.Server.Controllers.Services;

/// <summary>
/// The service scheduler: a level-triggered reconciler woken by commits that touch services,
/// tasks or container instances, and by a periodic resync. Each pass reconciles every service
/// that is not INACTIVE, one at a time: it reads the cluster once per pass
/// (<see cref="ServicePassView"/>, kept current with the pass's own commits), lets
/// <see cref="ServicePlanner"/> decide, and commits through the <see cref="PlacementCommitter"/> the
/// new tasks, the stops and the service record together at the versions read. Nothing is kept
/// between passes but caches of immutable definitions and the instance disconnect clocks, so a
/// restarted server resumes any deployment from the store without losing or duplicating tasks.
/// Runs on one loop.
/// </summary>
internal sealed partial class ServiceController(
    StateRepository state,
    PlacementCommitter committer,
    ServicePlanner planner,
    InstanceHealthMonitor monitor,
    TaskDefinitionResolver definitions,
    ServiceControllerOptions options,
    TimeProvider time,
    ILogger<ServiceController> logger) : BackgroundService
{
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
        state.Store.Changed += (_, e) =>
        {
            if (e.Kinds.Contains(StateKinds.Service) || e.Kinds.Contains(StateKinds.Task) || e.Kinds.Contains(StateKinds.ContainerInstance))
            {
                Wake();
            }
        };

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(options.Resync, stoppingToken);
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

    /// <summary>
    /// One pass over every service of every ACTIVE cluster. Each cluster is read once
    /// (<see cref="ServicePassView"/>) and kept current with what the pass commits.
    /// </summary>
    public async Task ReconcileAllAsync(CancellationToken cancellationToken)
    {
        var clusters = await state.ListAsync<ClusterRecord>(StateKinds.Cluster, "", cancellationToken);
        foreach (var cluster in clusters.Select(c => c.Value).Where(c => c.Status == EcsStatus.Active))
        {
            var services = await state.ListAsync<ServiceRecord>(StateKinds.Service, cluster.Arn, cancellationToken);
            ServicePassView? view = null;
            foreach (var service in services.Where(s => s.Value.Status != EcsStatus.Inactive))
            {
                view ??= await LoadAsync(cluster.Arn, cancellationToken);
                try
                {
                    await ReconcileAsync(cluster, service.Value.Arn, view, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogServiceFailed(logger, service.Value.Arn, ex);
                    view = null;
                }
            }
        }
    }

    /// <summary>Reconciles one service over a fresh read of its cluster; true when something was committed.</summary>
    public async ValueTask<bool> ReconcileAsync(ClusterRecord cluster, string serviceArn, CancellationToken cancellationToken) =>
        await ReconcileAsync(cluster, serviceArn, await LoadAsync(cluster.Arn, cancellationToken), cancellationToken);

    private async ValueTask<ServicePassView> LoadAsync(string clusterArn, CancellationToken cancellationToken)
    {
        var view = new ServicePassView(committer.Snapshots, clusterArn);
        await view.LoadAsync(cancellationToken);
        return view;
    }

    /// <summary>
    /// Reconciles one service over <paramref name="view"/>, and applies what it committed to the
    /// view. After a conflict the view is read afresh and the step planned again.
    /// </summary>
    private async ValueTask<bool> ReconcileAsync(ClusterRecord cluster, string serviceArn, ServicePassView view, CancellationToken cancellationToken)
    {
        ClusterSnapshot? used = null;
        ServiceStepResult? planned = null;
        var acted = await committer.PlaceAsync<bool>(
            async (attempt, ct) =>
            {
                if (attempt > 1)
                {
                    await view.LoadAsync(ct);
                }

                return view.Snapshot();
            },
            async (snapshot, ct) =>
            {
                used = snapshot;
                planned = null;
                var current = await state.GetAsync<ServiceRecord>(StateKinds.Service, serviceArn, ct);
                if (current is null || current.Value.Status == EcsStatus.Inactive)
                {
                    return PlacementPlan<bool>.Nothing(false);
                }

                var result = planner.Plan(new ServiceStepInput
                {
                    Service = current.Value,
                    Cluster = cluster,
                    Snapshot = snapshot,
                    Tasks = view.TasksOf(serviceArn),
                    Blueprints = await BlueprintsAsync(current.Value, ct),
                    LostInstances = monitor.Lost(snapshot.Records.Values.Select(r => r.Value)),
                    Now = time.GetUtcNow(),
                    ConditionRepeat = options.ConditionRepeat,
                });

                var changed = !SameJson(result.Service, current.Value);
                var acted = changed || result.NewTasks.Count > 0 || result.Stops.Count > 0;
                if (!acted)
                {
                    return PlacementPlan<bool>.Nothing(false);
                }

                planned = result;
                return new PlacementPlan<bool>(result.NewTasks, true)
                {
                    Writes = write =>
                    {
                        // Written even when unchanged, so the commit conflicts with a concurrent UpdateService.
                        write.Put(StateKinds.Service, serviceArn, cluster.Arn, result.Service, current.Version);
                        foreach (var (task, version) in result.Stops)
                        {
                            write.Put(StateKinds.Task, task.Arn, task.ClusterArn, task, version);
                        }
                    },
                };
            },
            cancellationToken);

        if (planned is not null && used is not null)
        {
            view.Apply(used, planned.NewTasks, planned.Stops);
        }

        return acted;
    }

    private async ValueTask<IReadOnlyDictionary<string, TaskBlueprint>> BlueprintsAsync(ServiceRecord service, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, TaskBlueprint>(StringComparer.Ordinal);
        foreach (var arn in service.Deployments.Select(d => d.TaskDefinitionArn).Distinct(StringComparer.Ordinal))
        {
            if (!blueprints.TryGetValue(arn, out var blueprint))
            {
                var record = await definitions.FindAsync(arn, cancellationToken);
                if (record is null)
                {
                    continue;
                }

                // A revision's containers never change, so its blueprint is cached for good.
                blueprint = blueprints.GetOrAdd(arn, TaskBlueprint.Create(record.Value));
            }

            result[arn] = blueprint;
        }

        return result;
    }

    private static bool SameJson(ServiceRecord a, ServiceRecord b) =>
        JsonSerializer.Serialize(a, StateRepository.Json) == JsonSerializer.Serialize(b, StateRepository.Json);

    [LoggerMessage(EventId = ServiceControllerEvents.PassFailed, Level = LogLevel.Error, Message = "Service controller pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = ServiceControllerEvents.ServiceFailed, Level = LogLevel.Warning, Message = "Reconciling service {Service} failed")]
    private static partial void LogServiceFailed(ILogger logger, string service, Exception exception);
}
