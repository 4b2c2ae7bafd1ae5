using Wharf.Agent.Docker;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>
/// One container of a task as its <see cref="TaskManager"/> tracks it. Not thread-safe: only the
/// owning manager's loop reads or writes it.
/// </summary>
internal sealed class ManagedContainer(ContainerSpec spec)
{
    public string Name => Spec.Name;

    /// <summary>The definition; replaced when the server's spec arrives for an adopted task.</summary>
    public ContainerSpec Spec { get; set; } = spec;

    public ContainerStatus Status { get; set; }

    /// <summary>Docker container id, once created.</summary>
    public string? RuntimeId { get; set; }

    /// <summary>Docker container name, once created.</summary>
    public string? DockerName { get; set; }

    public string? ImageId { get; set; }

    public int? ExitCode { get; set; }

    /// <summary>Why it stopped or failed, in ECS words.</summary>
    public string? Reason { get; set; }

    /// <summary>Docker's health word; null without a health check.</summary>
    public string? Health { get; set; }

    public IReadOnlyList<PortBinding> Bindings { get; set; } = [];

    /// <summary>The container's address on the Docker bridge network, from the last inspect while it ran.</summary>
    public string? Ipv4Address { get; set; }

    /// <summary>The MAC address of the same endpoint, from the last inspect while it ran.</summary>
    public string? MacAddress { get; set; }

    /// <summary>
    /// The awsvpc pause container (<see cref="ContainerConfigBuilder.PauseContainerName"/>), not a
    /// container of the definition: created before, stopped after all of them, never reported.
    /// </summary>
    public bool IsPause { get; init; }

    /// <summary>An action that changes this container (pull, create, start, signal) is in flight.</summary>
    public bool Busy { get; set; }

    /// <summary>The container's process ran at some point.</summary>
    public bool EverStarted { get; set; }

    /// <summary>The stop signal was sent.</summary>
    public bool StopSignalled { get; set; }

    /// <summary>What stops the container gracefully: the image's <c>STOPSIGNAL</c>, as <c>docker stop</c> sends it; SIGTERM by default.</summary>
    public string StopSignal { get; set; } = "SIGTERM";

    /// <summary>
    /// The pause container: <c>sleep</c> as PID 1 has no SIGTERM handler, so it is killed straight
    /// away once nothing uses its network namespace.
    /// </summary>
    public static ManagedContainer Pause(string image) =>
        new(new ContainerSpec { Name = ContainerConfigBuilder.PauseContainerName, Image = image, Essential = true })
        {
            IsPause = true,
            StopSignal = "SIGKILL",
        };

    /// <summary>SIGKILL was sent.</summary>
    public bool KillSent { get; set; }

    /// <summary>This container's <c>startTimeout</c> ran out before it reached a state its dependents wait for.</summary>
    public bool StartDeadlinePassed { get; set; }

    public int PortRetries { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The SIGTERM → SIGKILL timer, while armed.</summary>
    public ITimer? StopTimer { get; set; }

    /// <summary>The <c>startTimeout</c> timer, while armed.</summary>
    public ITimer? StartTimer { get; set; }

    public bool Essential => Spec.Essential;

    public void DisposeTimers()
    {
        StopTimer?.Dispose();
        StopTimer = null;
        StartTimer?.Dispose();
        StartTimer = null;
    }
}
