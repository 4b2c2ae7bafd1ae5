using System.Threading.Channels;
using Wharf.Agent.Docker;

namespace Wharf.Agent.Tests.Fakes;

/// <summary>
/// An in-memory Docker Engine: containers, images, volumes and an event stream. Containers run
/// until a test makes them exit; SIGTERM makes them exit with 143 unless they ignore it; SIGKILL
/// always ends them with 137. Thread-safe.
/// </summary>
internal sealed class FakeDockerEngine(TimeProvider time) : IDockerEngine
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeContainer> _containers = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _volumes = [];
    private readonly List<(string Id, string Signal)> _signals = [];
    private readonly List<ContainerCreateRequest> _creates = [];
    private readonly List<string> _starts = [];
    private readonly List<string> _pulls = [];
    private readonly List<string> _removed = [];
    private Channel<DockerEvent> _events = Channel.CreateUnbounded<DockerEvent>();
    private int _nextId;

    public HashSet<string> LocalImages { get; } = ["web:latest", "busybox:latest"];

    /// <summary>Image → error message of a failing pull.</summary>
    public Dictionary<string, string> PullErrors { get; } = [];

    /// <summary>Containers created from requests matching this ignore SIGTERM (like a shell as PID 1).</summary>
    public Func<ContainerCreateRequest, bool> IgnoresSigterm { get; set; } = _ => false;

    /// <summary>Image → its <c>STOPSIGNAL</c>; a container of it exits (143) on that signal instead of SIGTERM.</summary>
    public Dictionary<string, string> ImageStopSignals { get; } = [];

    /// <summary>Runs at start; an exception it returns is what start throws.</summary>
    public Func<ContainerCreateRequest, Exception?> OnStart { get; set; } = _ => null;

    public IReadOnlyList<ContainerCreateRequest> Creates { get { lock (_gate) { return [.. _creates]; } } }
    public IReadOnlyList<string> Starts { get { lock (_gate) { return [.. _starts]; } } }
    public IReadOnlyList<string> Pulls { get { lock (_gate) { return [.. _pulls]; } } }
    public IReadOnlyList<string> Removed { get { lock (_gate) { return [.. _removed]; } } }
    public IReadOnlyList<(string Id, string Signal)> Signals { get { lock (_gate) { return [.. _signals]; } } }
    public IReadOnlyCollection<string> Volumes { get { lock (_gate) { return [.. _volumes.Keys]; } } }

    /// <summary>Start order by container name (the <c>com.amazonaws.ecs.container-name</c> label).</summary>
    public IReadOnlyList<string> StartedNames
    {
        get
        {
            lock (_gate)
            {
                return [.. _starts.Select(id => _containers[id].Request.Labels[DockerLabels.ContainerName])];
            }
        }
    }

    public FakeContainer? ByName(string containerName)
    {
        lock (_gate)
        {
            return _containers.Values.LastOrDefault(c => c.Request.Labels.GetValueOrDefault(DockerLabels.ContainerName) == containerName);
        }
    }

    public string IdOf(string containerName) => ByName(containerName)?.Id ?? throw new InvalidOperationException($"No container {containerName}.");

    /// <summary>Puts a container straight into the engine (as if a previous agent run had made it).</summary>
    public string Seed(ContainerCreateRequest request, string status, int? exitCode = null, DateTimeOffset? startedAt = null)
    {
        lock (_gate)
        {
            var id = NewIdLocked();
            _containers[id] = new FakeContainer(id, request)
            {
                Status = status,
                ExitCode = exitCode,
                StartedAt = status == "created" ? null : startedAt ?? time.GetUtcNow(),
                FinishedAt = status == "exited" ? time.GetUtcNow() : null,
            };
            return id;
        }
    }

    public void Exit(string id, int exitCode, bool oom = false)
    {
        lock (_gate)
        {
            var container = _containers[id];
            container.Status = "exited";
            container.ExitCode = exitCode;
            container.OomKilled = oom;
            container.FinishedAt = time.GetUtcNow();
            if (oom)
            {
                EmitLocked(container, "oom");
            }

            EmitLocked(container, "die");
        }
    }

    public void SetHealth(string id, string health)
    {
        lock (_gate)
        {
            var container = _containers[id];
            container.Health = health;
            EmitLocked(container, "health_status: " + health);
        }
    }

    /// <summary>Breaks the event stream (as a daemon restart would).</summary>
    public void BreakEvents()
    {
        lock (_gate)
        {
            _events.Writer.TryComplete(new DockerEngineException("event stream broke"));
            _events = Channel.CreateUnbounded<DockerEvent>();
        }
    }

    public Task<DockerVersionInfo> GetVersionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new DockerVersionInfo("20.10.24", "1.41"));

    public Task<string?> InspectImageAsync(string image, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(LocalImages.Contains(image) ? "sha256:" + image.GetHashCode(StringComparison.Ordinal).ToString("x8") : null);
        }
    }

    public Task PullImageAsync(string image, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _pulls.Add(image);
            if (PullErrors.TryGetValue(image, out var error))
            {
                throw new DockerEngineException(error);
            }

            LocalImages.Add(image);
            return Task.CompletedTask;
        }
    }

    public Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!LocalImages.Contains(request.Image))
            {
                throw new DockerEngineException($"No such image: {request.Image}");
            }

            var id = NewIdLocked();
            _creates.Add(request);
            var container = new FakeContainer(id, request) { Status = "created" };
            _containers[id] = container;
            EmitLocked(container, "create");
            return Task.FromResult(id);
        }
    }

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var container = _containers[containerId];
            if (OnStart(container.Request) is { } failure)
            {
                throw failure;
            }

            _starts.Add(containerId);
            container.Status = "running";
            container.StartedAt = time.GetUtcNow();
            container.Health = container.Request.HealthCheck is null ? null : "starting";
            EmitLocked(container, "start");
            return Task.CompletedTask;
        }
    }

    public Task<bool> SignalContainerAsync(string containerId, string signal, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _signals.Add((containerId, signal));
            if (!_containers.TryGetValue(containerId, out var container) || container.Status != "running")
            {
                return Task.FromResult(false);
            }

            if (signal == "SIGKILL")
            {
                ExitLocked(container, 137);
            }
            else if (signal == ImageStopSignals.GetValueOrDefault(container.Request.Image, "SIGTERM") && !IgnoresSigterm(container.Request))
            {
                ExitLocked(container, 143);
            }

            return Task.FromResult(true);
        }
    }

    public Task<ContainerSnapshot?> InspectContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_containers.TryGetValue(containerId, out var container)
                ? container.Snapshot() with { StopSignal = ImageStopSignals.GetValueOrDefault(container.Request.Image) }
                : null);
        }
    }

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_containers.Remove(containerId, out var container))
            {
                _removed.Add(containerId);
                EmitLocked(container, "destroy");
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<string>> ListContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _containers.Values
                .Where(c => labels.All(l => c.Request.Labels.GetValueOrDefault(l.Key) == l.Value))
                .Select(c => c.Id)]);
        }
    }

    public Task CreateVolumeAsync(VolumeCreateRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _volumes.TryAdd(request.Name, request.Labels);
            return Task.CompletedTask;
        }
    }

    public Task<bool> VolumeExistsAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_volumes.ContainsKey(name));
        }
    }

    public Task<IReadOnlyList<string>> ListVolumesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _volumes
                .Where(v => labels.All(l => v.Value.GetValueOrDefault(l.Key) == l.Value))
                .Select(v => v.Key)]);
        }
    }

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _volumes.Remove(name);
            return Task.CompletedTask;
        }
    }

    public async IAsyncEnumerable<DockerEvent> WatchEventsAsync(
        IReadOnlyDictionary<string, string> labels,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Channel<DockerEvent> events;
        lock (_gate)
        {
            events = _events;
        }

        await foreach (var e in events.Reader.ReadAllAsync(cancellationToken))
        {
            if (labels.All(l => e.Labels.GetValueOrDefault(l.Key) == l.Value))
            {
                yield return e;
            }
        }
    }

    private void ExitLocked(FakeContainer container, int exitCode)
    {
        container.Status = "exited";
        container.ExitCode = exitCode;
        container.FinishedAt = time.GetUtcNow();
        EmitLocked(container, "die");
    }

    private void EmitLocked(FakeContainer container, string action) =>
        _events.Writer.TryWrite(new DockerEvent(container.Id, action, container.Request.Labels));

    private string NewIdLocked() => (++_nextId).ToString("x12");
}
