namespace Wharf.Core.Status;

/// <summary>
/// A task's lifecycle status (ECS <c>lastStatus</c>), in lifecycle order. A task only ever moves
/// forward through these; it may skip steps (a task that cannot be placed goes from
/// <see cref="Provisioning"/> straight to <see cref="Stopped"/>). Named <c>EcsTaskStatus</c> rather
/// than <c>TaskStatus</c> so it never collides with <see cref="System.Threading.Tasks.TaskStatus"/>
/// under the implicit usings.
/// </summary>
public enum EcsTaskStatus
{
    /// <summary>ECS is doing work before the task starts (placement, network set-up).</summary>
    Provisioning = 0,

    /// <summary>Placed; the agent is pulling images and creating containers.</summary>
    Pending = 1,

    /// <summary>Containers started; ECS is finishing set-up (load balancer, service discovery).</summary>
    Activating = 2,

    /// <summary>The task is running.</summary>
    Running = 3,

    /// <summary>Tear-down before containers stop (deregistering targets and names).</summary>
    Deactivating = 4,

    /// <summary>Containers are being stopped.</summary>
    Stopping = 5,

    /// <summary>Containers stopped; ECS is releasing what the task held.</summary>
    Deprovisioning = 6,

    /// <summary>Terminal.</summary>
    Stopped = 7,
}
