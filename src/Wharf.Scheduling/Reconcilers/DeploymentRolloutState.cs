namespace Wharf.Scheduling.Reconcilers;

/// <summary>The ECS deployment <c>rolloutState</c>.</summary>
public enum DeploymentRolloutState
{
    /// <summary><c>IN_PROGRESS</c>.</summary>
    InProgress,

    /// <summary><c>COMPLETED</c>.</summary>
    Completed,

    /// <summary><c>FAILED</c>: the circuit breaker tripped; the deployment launches no new tasks.</summary>
    Failed,
}
