namespace Wharf.Core.Status;

/// <summary>
/// A container's <c>lastStatus</c> as ECS reports it, in order; a container only moves forward.
/// </summary>
public enum ContainerStatus
{
    /// <summary>Not started yet (pulling, created).</summary>
    Pending = 0,

    /// <summary>Started.</summary>
    Running = 1,

    /// <summary>Exited or never started; terminal.</summary>
    Stopped = 2,
}
