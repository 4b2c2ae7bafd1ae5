using Microsoft.Extensions.Logging;
using Wharf.Agent.Diagnostics;
using Wharf.Agent.Docker;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>
/// Owns the task managers: creates one per task the server sends, tells the ones the server no
/// longer wants to stop, routes Docker events to them, resyncs them periodically and forgets a
/// task once it is cleaned up and gone from the desired set. Thread-safe: the manager table is
/// guarded by one lock; everything about a single task happens inside its manager.
/// Disposing the engine stops the managers' loops but leaves every container running.
/// </summary>
internal sealed class TaskEngine : IAsyncDisposable
{
    private readonly EngineContext _ctx;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskManager> _managers = [];
    private readonly List<Task> _retiring = [];
    private HashSet<string>? _desired;
    private long _generation = long.MinValue;

    public TaskEngine(EngineContext context)
    {
        _ctx = context;
    }

    private IReadOnlyDictionary<string, string> OwnLabel =>
        new Dictionary<string, string> { [DockerLabels.AgentInstance] = _ctx.Settings.InstanceId };

    /// <summary>
    /// Rebuilds a manager for every task this agent (same instance id) left containers for,
    /// running or not. Call once, before connecting to the server.
    /// </summary>
    public async Task AdoptAsync(CancellationToken cancellationToken)
    {
        var snapshots = new List<ContainerSnapshot>();
        foreach (var id in await _ctx.Docker.ListContainersAsync(OwnLabel, cancellationToken))
        {
            if (await _ctx.Docker.InspectContainerAsync(id, cancellationToken) is { } snapshot
                && snapshot.Labels.GetValueOrDefault(DockerLabels.AgentInstance) == _ctx.Settings.InstanceId
                && snapshot.Labels.ContainsKey(DockerLabels.TaskArn))
            {
                snapshots.Add(snapshot);
            }
        }

        foreach (var task in snapshots.GroupBy(s => s.Labels[DockerLabels.TaskArn]))
        {
            var manager = TaskManager.Adopt(task.Key, [.. task], _ctx, OnFinished);
            lock (_gate)
            {
                if (!_managers.TryAdd(task.Key, manager))
                {
                    continue;
                }
            }

            _ctx.Logger.TaskAdopted(task.Key, task.Count());
            manager.Start();
        }
    }

    /// <summary>The current state of every task the agent holds (for <see cref="RegisterRequest.Tasks"/>).</summary>
    public IReadOnlyList<TaskStateReport> CurrentReports()
    {
        lock (_gate)
        {
            return [.. _managers.Values.Select(m => m.Current)];
        }
    }

    /// <summary>The number of tasks the agent holds (running or not yet cleaned up).</summary>
    public int TaskCount
    {
        get
        {
            lock (_gate)
            {
                return _managers.Count;
            }
        }
    }

    /// <summary>Converges on the server's complete desired set. An older generation than one already applied is ignored.</summary>
    public void ApplyDesired(DesiredTasks desired)
    {
        lock (_gate)
        {
            if (desired.Generation < _generation)
            {
                _ctx.Logger.StaleGenerationIgnored(desired.Generation, _generation);
                return;
            }

            _generation = desired.Generation;
            _desired = [.. desired.Tasks.Select(t => t.TaskArn)];
            foreach (var spec in desired.Tasks)
            {
                if (_managers.TryGetValue(spec.TaskArn, out var existing))
                {
                    existing.Post(new TaskEvent.DesiredChanged(spec));
                }
                else
                {
                    var manager = TaskManager.ForTask(spec, _ctx, OnFinished);
                    _managers[spec.TaskArn] = manager;
                    _ctx.Logger.TaskReceived(spec.TaskArn, spec.DesiredStatus);
                    manager.Start();
                }
            }

            foreach (var (arn, manager) in _managers)
            {
                if (!_desired.Contains(arn))
                {
                    manager.Post(new TaskEvent.Stale());
                }
            }

            Prune();
        }
    }

    /// <summary>Routes Docker events to the managers and resyncs them periodically, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var resync = _ctx.Time.CreateTimer(_ => Broadcast(new TaskEvent.Resync()), null, _ctx.Settings.ResyncInterval, _ctx.Settings.ResyncInterval);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var dockerEvent in _ctx.Docker.WatchEventsAsync(OwnLabel, cancellationToken))
                {
                    failures = 0;
                    Route(dockerEvent);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                _ctx.Logger.DockerEventsBroken(e);
            }

            // Events may have been missed while the stream was down.
            failures++;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))), _ctx.Time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            Broadcast(new TaskEvent.Resync());
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<TaskManager> managers;
        List<Task> retiring;
        lock (_gate)
        {
            managers = [.. _managers.Values];
            _managers.Clear();
            retiring = [.. _retiring];
        }

        foreach (var manager in managers)
        {
            await manager.DisposeAsync();
        }

        await Task.WhenAll(retiring);
    }

    private void Route(DockerEvent dockerEvent)
    {
        if (dockerEvent.Labels.GetValueOrDefault(DockerLabels.AgentInstance) != _ctx.Settings.InstanceId
            || dockerEvent.Labels.GetValueOrDefault(DockerLabels.TaskArn) is not { } arn)
        {
            return;
        }

        TaskManager? manager;
        lock (_gate)
        {
            _managers.TryGetValue(arn, out manager);
        }

        manager?.Post(new TaskEvent.DockerActivity(dockerEvent.ContainerId, dockerEvent.Action));
    }

    private void Broadcast(TaskEvent taskEvent)
    {
        lock (_gate)
        {
            foreach (var manager in _managers.Values)
            {
                manager.Post(taskEvent);
            }
        }
    }

    private void OnFinished(TaskManager manager)
    {
        lock (_gate)
        {
            Prune();
        }
    }

    /// <summary>Forgets tasks that are cleaned up and that the server no longer lists. Caller holds the lock.</summary>
    private void Prune()
    {
        if (_desired is null)
        {
            return;
        }

        foreach (var (arn, manager) in _managers.Where(m => m.Value.IsFinished && !_desired.Contains(m.Key)).ToList())
        {
            _managers.Remove(arn);
            _retiring.RemoveAll(t => t.IsCompleted);
            _retiring.Add(manager.DisposeAsync().AsTask());
            _ctx.Logger.TaskForgotten(arn);
        }
    }
}
