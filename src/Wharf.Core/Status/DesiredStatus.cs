namespace Wharf.Core.Status;

/// <summary>
/// What ECS wants a task to be (<c>desiredStatus</c>), in order. Desired status only moves
/// forward: once <see cref="Stopped"/>, a task is never wanted running again.
/// </summary>
public enum DesiredStatus
{
    /// <summary>Wanted, not yet started (ECS uses this for tasks waiting on set-up).</summary>
    Pending = 0,

    /// <summary>Wanted running.</summary>
    Running = 1,

    /// <summary>Wanted stopped; terminal.</summary>
    Stopped = 2,
}
