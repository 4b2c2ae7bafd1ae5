using Wharf.Agent.Docker;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>
/// Everything that can happen to a task, delivered to its <see cref="TaskManager"/> through one
/// channel: what the server wants, what Docker did, what an action returned, a timer firing.
/// </summary>
internal abstract record TaskEvent
{
    private TaskEvent()
    {
    }

    /// <summary>The server sent the task (again) in its desired set.</summary>
    public sealed record DesiredChanged(TaskSpec Spec) : TaskEvent;

    /// <summary>The task is missing from the server's desired set: stop it and clean up.</summary>
    public sealed record Stale : TaskEvent;

    /// <summary>Docker emitted an event for one of the task's containers.</summary>
    public sealed record DockerActivity(string ContainerId, string Action) : TaskEvent;

    /// <summary>Re-inspect every container (after missed events, periodically).</summary>
    public sealed record Resync : TaskEvent;

    /// <summary>A container's inspect result; null when the container no longer exists.</summary>
    public sealed record Inspected(string Name, ContainerSnapshot? Snapshot) : TaskEvent;

    public sealed record ImageReady(string Name, string? ImageId) : TaskEvent;

    /// <summary>The pause image exists and so does the subnet's Docker network: the pause container can be created.</summary>
    public sealed record NetworkReady(string Name, string ImageId, string Network) : TaskEvent;

    public sealed record PullFailed(string Name, string Error) : TaskEvent;

    public sealed record VolumesReady(IReadOnlyDictionary<string, string> Sources) : TaskEvent;

    public sealed record VolumesFailed(string Error) : TaskEvent;

    public sealed record Created(string Name, string RuntimeId) : TaskEvent;

    public sealed record CreateFailed(string Name, string Error) : TaskEvent;

    /// <summary>Start returned; the snapshot (if inspect worked) says whether it still runs.</summary>
    public sealed record Started(string Name, ContainerSnapshot? Snapshot) : TaskEvent;

    public sealed record StartFailed(string Name, string Error, bool PortConflict) : TaskEvent;

    /// <summary>A signal was delivered (or the container was no longer running).</summary>
    public sealed record Signalled(string Name, ContainerSnapshot? Snapshot) : TaskEvent;

    public sealed record SignalFailed(string Name, string Error) : TaskEvent;

    /// <summary>The container's <c>stopTimeout</c> passed after SIGTERM.</summary>
    public sealed record StopTimeoutElapsed(string Name) : TaskEvent;

    /// <summary>The container's <c>startTimeout</c> passed after it started.</summary>
    public sealed record StartTimeoutElapsed(string Name) : TaskEvent;

    public sealed record CleanupDue : TaskEvent;

    public sealed record CleanupFinished : TaskEvent;

    /// <summary>A read-only action failed; nothing to undo, a later resync retries.</summary>
    public sealed record ActionFailed(string? Name, string Action, Exception Error) : TaskEvent;
}
