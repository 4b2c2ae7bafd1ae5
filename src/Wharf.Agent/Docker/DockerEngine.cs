using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
using Version = System.Version;

namespace Wharf.Agent.Docker;

/// <summary>
/// <see cref="IDockerEngine"/> over the Docker Engine API with Docker.DotNet. The API version is
/// negotiated once at connect: the engine's own version, capped at the newest this agent was
/// written against, so an old engine (20.10 speaks 1.41) gets requests it understands and a new
/// one (which may refuse old versions) gets a version it still serves. Every call is bounded by
/// a <see cref="DockerTimeouts"/> entry, except the event stream, which is long-lived by design.
/// Thread-safe: the underlying client may be used concurrently.
/// </summary>
internal sealed partial class DockerEngine : IDockerEngine, IDisposable
{
    /// <summary>The newest API version this agent's requests are written for.</summary>
    public static readonly Version MaxApiVersion = new(1, 47);

    private readonly DockerClient _client;
    private readonly DockerTimeouts _timeouts;
    private readonly TimeProvider _time;
    private readonly DockerVersionInfo _version;

    private DockerEngine(DockerClient client, DockerVersionInfo version, DockerTimeouts timeouts, TimeProvider time)
    {
        _client = client;
        _version = version;
        _timeouts = timeouts;
        _time = time;
    }

    /// <summary>Connects to the engine at <paramref name="endpoint"/> and negotiates the API version.</summary>
    public static async Task<DockerEngine> ConnectAsync(
        Uri endpoint, DockerTimeouts timeouts, TimeProvider time, CancellationToken cancellationToken)
    {
        // An unversioned /version is answered by every engine; its answer picks the version to pin.
        VersionResponse response;
        using (var probe = new DockerClientBuilder().WithEndpoint(endpoint).Build())
        {
            response = await CallAsync(
                "version", timeouts.Query, time, token => probe.System.GetVersionAsync(token), cancellationToken);
        }

        var apiVersion = Negotiate(response.APIVersion, response.MinAPIVersion);
        var client = new DockerClientBuilder().WithEndpoint(endpoint).WithApiVersion(apiVersion).Build();
        return new DockerEngine(client, new DockerVersionInfo(response.Version, apiVersion.ToString()), timeouts, time);
    }

    /// <summary>min(engine, <see cref="MaxApiVersion"/>), never below the engine's minimum.</summary>
    public static Version Negotiate(string? engineApiVersion, string? engineMinApiVersion)
    {
        var engine = Version.TryParse(engineApiVersion, out var e) ? e : MaxApiVersion;
        var chosen = engine < MaxApiVersion ? engine : MaxApiVersion;
        return Version.TryParse(engineMinApiVersion, out var min) && chosen < min ? min : chosen;
    }

    public Task<DockerVersionInfo> GetVersionAsync(CancellationToken cancellationToken) => Task.FromResult(_version);

    public Task<string?> InspectImageAsync(string image, CancellationToken cancellationToken) =>
        CallAsync("image inspect", _timeouts.Query, async token =>
        {
            try
            {
                var inspected = await _client.Images.InspectImageAsync(image, token);
                return (string?)inspected.ID;
            }
            catch (DockerImageNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public Task PullImageAsync(string image, CancellationToken cancellationToken) =>
        CallAsync("image pull", _timeouts.Pull, async token =>
        {
            var (repository, tag) = ImageReference.Split(image);
            string? error = null;
            // Errors after the response started arrive as messages in the stream, not as a status code.
            var progress = new SynchronousProgress<JSONMessage>(message =>
                error ??= message.Error?.Message is { Length: > 0 } detail ? detail : null);
            await _client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromImage = repository, Tag = tag }, null, progress, token);
            if (error is not null)
            {
                throw new DockerEngineException(error);
            }

            return true;
        }, cancellationToken);

    public Task ImportImageAsync(
        string image, Stream rootFilesystemTar, IReadOnlyList<string> changes, CancellationToken cancellationToken) =>
        CallAsync("image import", _timeouts.Import, async token =>
        {
            var (repository, tag) = ImageReference.Split(image);
            string? error = null;
            var progress = new SynchronousProgress<JSONMessage>(message =>
                error ??= message.Error?.Message is { Length: > 0 } detail ? detail : null);
            await _client.Images.CreateImageAsync(
                new ImagesCreateParameters { FromSrc = "-", Repo = repository, Tag = tag, Changes = [.. changes] },
                rootFilesystemTar,
                null,
                progress,
                token);
            if (error is not null)
            {
                throw new DockerEngineException(error);
            }

            return true;
        }, cancellationToken);

    public Task<NetworkSnapshot?> InspectNetworkAsync(string name, CancellationToken cancellationToken) =>
        CallAsync("network inspect", _timeouts.Query, async token =>
        {
            try
            {
                var network = await _client.Networks.InspectNetworkAsync(name, token);
                // The engine also resolves id prefixes; only an exact name is this network.
                return network.Name == name ? ToSnapshot(network) : null;
            }
            catch (DockerNetworkNotFoundException)
            {
                return null;
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken);

    public Task<string> CreateNetworkAsync(NetworkCreateRequest request, CancellationToken cancellationToken) =>
        CallAsync("network create", _timeouts.Network, async token =>
        {
            var created = await _client.Networks.CreateNetworkAsync(ToParameters(request), token);
            return created.ID;
        }, cancellationToken);

    public Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken) =>
        CallAsync("container create", _timeouts.Create, async token =>
        {
            var created = await _client.Containers.CreateContainerAsync(ToParameters(request), token);
            return created.ID;
        }, cancellationToken);

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken) =>
        CallAsync("container start", _timeouts.Start,
            token => _client.Containers.StartContainerAsync(containerId, new ContainerStartParameters(), token),
            cancellationToken);

    public Task<bool> SignalContainerAsync(string containerId, string signal, CancellationToken cancellationToken) =>
        CallAsync("container kill", _timeouts.Signal, async token =>
        {
            try
            {
                await _client.Containers.KillContainerAsync(
                    containerId, new ContainerKillParameters { Signal = signal }, token);
                return true;
            }
            catch (DockerApiException e) when (e.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
            {
                return false;
            }
        }, cancellationToken);

    public Task<ContainerSnapshot?> InspectContainerAsync(string containerId, CancellationToken cancellationToken) =>
        CallAsync("container inspect", _timeouts.Query, async token =>
        {
            try
            {
                return ToSnapshot(await _client.Containers.InspectContainerAsync(containerId, token));
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken) =>
        CallAsync("container remove", _timeouts.Remove, async token =>
        {
            try
            {
                await _client.Containers.RemoveContainerAsync(
                    containerId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, token);
            }
            catch (DockerApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                // Gone already, or its removal is already in progress.
            }

            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListContainersAsync(
        IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        CallAsync("container list", _timeouts.Query, async token =>
        {
            var listed = await _client.Containers.ListContainersAsync(
                new ContainersListParameters { All = true, Filters = LabelFilter(labels) }, token);
            return (IReadOnlyList<string>)[.. listed.Select(c => c.ID)];
        }, cancellationToken);

    public Task CreateVolumeAsync(VolumeCreateRequest request, CancellationToken cancellationToken) =>
        CallAsync("volume create", _timeouts.Volume, token => _client.Volumes.CreateAsync(new VolumesCreateParameters
        {
            Name = request.Name,
            Driver = request.Driver ?? "local",
            DriverOpts = new Dictionary<string, string>(request.DriverOpts),
            Labels = new Dictionary<string, string>(request.Labels),
        }, token), cancellationToken);

    public Task<bool> VolumeExistsAsync(string name, CancellationToken cancellationToken) =>
        CallAsync("volume inspect", _timeouts.Query, async token =>
        {
            try
            {
                await _client.Volumes.InspectAsync(name, token);
                return true;
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListVolumesAsync(
        IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        CallAsync("volume list", _timeouts.Query, async token =>
        {
            var listed = await _client.Volumes.ListAsync(new VolumesListParameters { Filters = LabelFilter(labels) }, token);
            return (IReadOnlyList<string>)[.. (listed.Volumes ?? []).Select(v => v.Name)];
        }, cancellationToken);

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) =>
        CallAsync("volume remove", _timeouts.Volume, async token =>
        {
            try
            {
                await _client.Volumes.RemoveAsync(name, force: false, token);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
            }

            return true;
        }, cancellationToken);

    public async IAsyncEnumerable<DockerEvent> WatchEventsAsync(
        IReadOnlyDictionary<string, string> labels, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filters = LabelFilter(labels);
        filters["type"] = new Dictionary<string, bool> { ["container"] = true };
        var events = Channel.CreateUnbounded<DockerEvent>(new UnboundedChannelOptions { SingleReader = true });
        var progress = new SynchronousProgress<Message>(message =>
        {
            if (message.Actor?.ID is { } id && message.Action is { } action)
            {
                var attributes = message.Actor.Attributes ?? new Dictionary<string, string>();
                events.Writer.TryWrite(new DockerEvent(id, action, new Dictionary<string, string>(attributes)));
            }
        });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(async () =>
        {
            try
            {
                await _client.System.MonitorEventsAsync(new ContainerEventsParameters { Filters = filters }, progress, stop.Token);
                events.Writer.TryComplete();
            }
            catch (Exception e)
            {
                events.Writer.TryComplete(Translate("events", e));
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var e in events.Reader.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pump;
        }
    }

    public void Dispose() => _client.Dispose();

    private Task<bool> CallAsync(string operation, TimeSpan timeout, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(operation, timeout, _time, async token =>
        {
            await call(token);
            return true;
        }, cancellationToken);

    private Task<T> CallAsync<T>(string operation, TimeSpan timeout, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        CallAsync(operation, timeout, _time, call, cancellationToken);

    private static async Task<T> CallAsync<T>(
        string operation, TimeSpan timeout, TimeProvider time, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Docker {operation} did not complete within {timeout.TotalSeconds:0}s.");
        }
        catch (Exception e) when (e is not OperationCanceledException and not DockerEngineException)
        {
            throw Translate(operation, e);
        }
    }

    private static Exception Translate(string operation, Exception e) => e switch
    {
        DockerApiException api => new DockerEngineException(api.StatusCode, ErrorMessage(api.ResponseBody) ?? api.Message, api),
        HttpRequestException or IOException or SocketException =>
            new DockerEngineException($"Docker {operation}: engine unreachable: {e.Message}", e),
        _ => e,
    };

    /// <summary>The engine's error bodies are <c>{"message": "…"}</c>.</summary>
    private static string? ErrorMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("message", out var message) ? message.GetString() : body.Trim();
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }

    private static Dictionary<string, IDictionary<string, bool>> LabelFilter(IReadOnlyDictionary<string, string> labels) =>
        new()
        {
            ["label"] = labels.ToDictionary(l => $"{l.Key}={l.Value}", _ => true),
        };
}
