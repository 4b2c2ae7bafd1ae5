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
    private readonly Dictionary<string, NetworkSnapshot> _networks = [];
    private readonly List<string> _imports = [];
    private readonly List<string> _networkCreates = [];
    private Channel<DockerEvent> _events = Channel.CreateUnbounded<DockerEvent>();
    private int _nextId;

    public HashSet<string> LocalImages { get; } = ["web:latest", "busybox:latest", Wharf.Agent.Engine.PauseImageBuilder.DefaultImage];

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
    public IReadOnlyList<string> Imports { get { lock (_gate) { return [.. _imports]; } } }
    public IReadOnlyList<string> NetworkCreates { get { lock (_gate) { return [.. _networkCreates]; } } }
    public IReadOnlyDictionary<string, NetworkSnapshot> Networks { get { lock (_gate) { return new Dictionary<string, NetworkSnapshot>(_networks); } } }

    /// <summary>The file names in the last imported tar and the changes it came with.</summary>
    public (IReadOnlyList<string> Files, IReadOnlyList<string> Changes)? LastImport { get; private set; }

    /// <summary>Set: an import fails with this message.</summary>
    public string? ImportError { get; set; }

    /// <summary>Set: another agent creates the network just before this one does (this create then conflicts).</summary>
    public bool NetworkCreateRace { get; set; }

    /// <summary>Removes a network behind the agent's back.</summary>
    public void RemoveNetwork(string name)
    {
        lock (_gate)
        {
            _networks.Remove(name);
        }
    }

    /// <summary>Puts a network straight into the engine (made by another agent, or left from earlier).</summary>
    public void SeedNetwork(string name, string subnet)
    {
        lock (_gate)
        {
            _networks[name] = new NetworkSnapshot { Id = "net" + name, Name = name, Driver = "bridge", Subnets = [subnet] };
        }
    }

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

    public Task ImportImageAsync(string image, Stream rootFilesystemTar, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        using (var reader = new System.Formats.Tar.TarReader(rootFilesystemTar, leaveOpen: true))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                files.Add(entry.Name);
            }
        }

        lock (_gate)
        {
            _imports.Add(image);
            LastImport = (files, changes);
            if (ImportError is { } error)
            {
                throw new DockerEngineException(error);
            }

            LocalImages.Add(image);
            return Task.CompletedTask;
        }
    }

    public Task<NetworkSnapshot?> InspectNetworkAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_networks.GetValueOrDefault(name));
        }
    }

    public Task<string> CreateNetworkAsync(NetworkCreateRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (NetworkCreateRace)
            {
                NetworkCreateRace = false;
                SeedNetwork(request.Name, request.Subnet);
            }

            if (_networks.ContainsKey(request.Name) || _networks.Values.Any(n => n.Subnets.Contains(request.Subnet)))
            {
                throw new DockerEngineException(System.Net.HttpStatusCode.Conflict, $"network with name {request.Name} already exists");
            }

            _networkCreates.Add(request.Name);
            var network = new NetworkSnapshot
            {
                Id = "net" + request.Name,
                Name = request.Name,
                Driver = request.Driver,
                Subnets = [request.Subnet],
                Labels = request.Labels,
            };
            _networks[request.Name] = network;
            return Task.FromResult(network.Id);
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

            // Docker's own checks of a network mode (daemon/runconfig).
            if (request.NetworkMode.StartsWith("container:", StringComparison.Ordinal))
            {
                if (request.PortBindings.Count > 0 || request.Links.Count > 0 || request.Dns.Count > 0 || request.Hostname is not null)
                {
                    throw new DockerEngineException("conflicting options: container type network can't be used with ports, links, dns or hostname");
                }

                if (!_containers.ContainsKey(request.NetworkMode["container:".Length..]))
                {
                    throw new DockerEngineException($"No such container: {request.NetworkMode["container:".Length..]}");
                }
            }
            else if (request.NetworkMode is not ("bridge" or "host" or "none") && !_networks.ContainsKey(request.NetworkMode))
            {
                throw new DockerEngineException($"network {request.NetworkMode} not found");
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

            if (container.Request.NetworkMode.StartsWith("container:", StringComparison.Ordinal)
                && _containers.GetValueOrDefault(container.Request.NetworkMode["container:".Length..]) is not { Status: "running" })
            {
                throw new DockerEngineException("cannot join network of a non running container");
            }

            if (_networks.GetValueOrDefault(container.Request.NetworkMode) is { } network)
            {
                var subnet = System.Net.IPNetwork.Parse(network.Subnets[0]);
                var bytes = subnet.BaseAddress.GetAddressBytes();
                bytes[3] += (byte)(2 + _starts.Count);
                container.Ipv4Address = new System.Net.IPAddress(bytes).ToString();
                container.MacAddress = $"02:42:{bytes[0]:x2}:{bytes[1]:x2}:{bytes[2]:x2}:{bytes[3]:x2}";
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
