using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Wharf.Agent.Diagnostics;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>
/// Runs one task (the ecs-agent <c>task_manager</c> pattern). Concurrency contract: the manager's
/// loop is the only reader and writer of the task's state. Everything else — the server's desired
/// state, Docker events, results of Docker calls, timers — reaches it as a <see cref="TaskEvent"/>
/// through <see cref="Post"/>. Docker calls run off the loop and post their result back, so a slow
/// pull never blocks a stop. After each event the loop re-derives what to do next from the whole
/// state (<see cref="Progress"/>), and publishes a report when the visible state changed.
/// <see cref="Current"/> and <see cref="IsFinished"/> may be read from any thread.
/// Disposing the manager stops its loop but never its containers.
/// </summary>
internal sealed partial class TaskManager : IAsyncDisposable
{
    private readonly EngineContext _ctx;
    private readonly Action<TaskManager> _onFinished;
    private readonly Channel<TaskEvent> _inbox = Channel.CreateUnbounded<TaskEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _shutdown = new();
    private readonly List<ManagedContainer> _containers = [];
    private readonly List<string> _strayContainerIds = [];
    private readonly HashSet<Task> _actions = [];
    private Task _loop = Task.CompletedTask;

    private TaskSpec _spec;
    private bool _specFromServer;
    private ManagedTaskStatus _status = ManagedTaskStatus.Pending;
    private bool _desiredStopped;
    private string? _stopCode;
    private string? _stoppedReason;
    private DateTimeOffset? _pullStartedAt;
    private DateTimeOffset? _pullStoppedAt;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _executionStoppedAt;
    private IReadOnlyDictionary<string, string>? _volumeSources;
    private bool _volumesBusy;
    private string? _network;
    private bool _cleanupScheduled;
    private ITimer? _cleanupTimer;
    private string? _lastReportJson;
    private volatile TaskStateReport _current;
    private volatile bool _finished;

    private TaskManager(TaskSpec spec, bool specFromServer, EngineContext ctx, Action<TaskManager> onFinished)
    {
        _spec = spec;
        _specFromServer = specFromServer;
        _ctx = ctx;
        _onFinished = onFinished;
        _current = new TaskStateReport { TaskArn = spec.TaskArn, LastStatus = _status.ToWire() };
    }

    public string TaskArn => _spec.TaskArn;

    /// <summary>The task's state as last published.</summary>
    public TaskStateReport Current => _current;

    /// <summary>Stopped and cleaned up: nothing of the task is left on the host.</summary>
    public bool IsFinished => _finished;

    /// <summary>A manager for a task the server sent.</summary>
    public static TaskManager ForTask(TaskSpec spec, EngineContext ctx, Action<TaskManager> onFinished)
    {
        var manager = new TaskManager(spec, specFromServer: true, ctx, onFinished);
        manager._desiredStopped = spec.DesiredStatus == TaskWords.Stopped;
        if (IsAwsvpc(spec))
        {
            manager._containers.Add(ManagedContainer.Pause(ctx.Settings.PauseImage));
        }

        manager._containers.AddRange(spec.Containers.Select(c => new ManagedContainer(c)));
        return manager;
    }

    /// <summary>
    /// Takes the first step on the caller's thread — so <see cref="Current"/> already tells the
    /// truth about an adopted task when the agent registers — then starts the loop.
    /// </summary>
    public void Start()
    {
        Step(null);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Delivers an event to the loop. Never blocks; safe from any thread.</summary>
    public void Post(TaskEvent taskEvent) => _inbox.Writer.TryWrite(taskEvent);

    public async ValueTask DisposeAsync()
    {
        _inbox.Writer.TryComplete();
        await _shutdown.CancelAsync();
        await _loop;
        Task[] pending;
        lock (_actions)
        {
            pending = [.. _actions];
        }

        await Task.WhenAll(pending);
        foreach (var container in _containers)
        {
            container.DisposeTimers();
        }

        _cleanupTimer?.Dispose();
        _shutdown.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var taskEvent in _inbox.Reader.ReadAllAsync(_shutdown.Token))
            {
                Step(taskEvent);
            }
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
        }
    }

    private void Step(TaskEvent? taskEvent)
    {
        try
        {
            if (taskEvent is not null)
            {
                Handle(taskEvent);
            }

            Progress();
        }
        catch (Exception e)
        {
            // A bug in one transition must not kill the loop that keeps the task's state.
            _ctx.Logger.TaskStepFailed(e, TaskArn, taskEvent?.GetType().Name ?? "start");
        }

        PublishIfChanged();
    }

    /// <summary>
    /// Runs Docker work off the loop; its result comes back as an event. Exceptions other than
    /// shutdown become <paramref name="onError"/>'s event.
    /// </summary>
    private void RunAction(Func<CancellationToken, Task<TaskEvent>> work, Func<Exception, TaskEvent> onError)
    {
        var token = _shutdown.Token;
        var action = Task.Run(async () =>
        {
            try
            {
                Post(await work(token));
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Post(onError(e));
            }
        }, CancellationToken.None);
        lock (_actions)
        {
            _actions.RemoveWhere(t => t.IsCompleted);
            _actions.Add(action);
        }
    }

    /// <summary>Posts <paramref name="fire"/> after <paramref name="due"/>; at once (and no timer) when it is already due.</summary>
    private ITimer? Timer(TimeSpan due, TaskEvent fire)
    {
        if (due <= TimeSpan.Zero)
        {
            Post(fire);
            return null;
        }

        return _ctx.Time.CreateTimer(_ => Post(fire), null, due, Timeout.InfiniteTimeSpan);
    }

    private ManagedContainer? Find(string name) => _containers.FirstOrDefault(c => c.Name == name);

    /// <summary>The awsvpc pause container, when the task has one.</summary>
    private ManagedContainer? Pause => _containers.FirstOrDefault(c => c.IsPause);

    private static bool IsAwsvpc(TaskSpec spec) => spec.NetworkMode == "awsvpc";

    private DateTimeOffset Now => _ctx.Time.GetUtcNow();
}
