namespace Wharf.Agent.Docker;

/// <summary>
/// Everything the agent needs from a container engine, in the agent's own terms. The task engine
/// talks to Docker only through this seam, so unit tests drive the state machine with a fake.
/// Implementations bound every call with a timeout; a call that runs out of time throws
/// <see cref="TimeoutException"/>, one the engine refuses throws <see cref="DockerEngineException"/>.
/// </summary>
internal interface IDockerEngine
{
    /// <summary>The engine's version and API version.</summary>
    Task<DockerVersionInfo> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>The image id (<c>sha256:…</c>) when the image is present locally; null otherwise.</summary>
    Task<string?> InspectImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Pulls an image; throws <see cref="DockerEngineException"/> when the pull fails.</summary>
    Task PullImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an image from a root filesystem tar (<c>docker import</c>), tagged <paramref name="image"/>,
    /// with Dockerfile <paramref name="changes"/> such as <c>CMD [...]</c>.
    /// </summary>
    Task ImportImageAsync(string image, Stream rootFilesystemTar, IReadOnlyList<string> changes, CancellationToken cancellationToken);

    /// <summary>The network of that name; null when there is none.</summary>
    Task<NetworkSnapshot?> InspectNetworkAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a network and returns its id. One that conflicts with an existing network (same
    /// name, or an overlapping subnet) throws <see cref="DockerEngineException"/>.
    /// </summary>
    Task<string> CreateNetworkAsync(NetworkCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a container and returns its id.</summary>
    Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken);

    /// <summary>Starts a created container. A host port already taken throws with <see cref="DockerEngineException.IsPortConflict"/>.</summary>
    Task StartContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Sends a signal (<c>SIGTERM</c>, <c>SIGKILL</c>); false when the container was not running.</summary>
    Task<bool> SignalContainerAsync(string containerId, string signal, CancellationToken cancellationToken);

    /// <summary>The container's current state; null when it does not exist.</summary>
    Task<ContainerSnapshot?> InspectContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Removes a container (forcefully, with its anonymous volumes); a missing container is not an error.</summary>
    Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Ids of every container (running or not) carrying all of the given labels.</summary>
    Task<IReadOnlyList<string>> ListContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Creates a volume; creating one that already exists with the same driver is not an error.</summary>
    Task CreateVolumeAsync(VolumeCreateRequest request, CancellationToken cancellationToken);

    /// <summary>True when a volume of that name exists.</summary>
    Task<bool> VolumeExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>Names of the volumes carrying all of the given labels.</summary>
    Task<IReadOnlyList<string>> ListVolumesAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Removes a volume; a missing volume is not an error.</summary>
    Task RemoveVolumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Container events for containers carrying all of the given labels, in the order the engine
    /// emits them, until the stream breaks (the enumeration then throws) or is cancelled.
    /// </summary>
    IAsyncEnumerable<DockerEvent> WatchEventsAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);
}
