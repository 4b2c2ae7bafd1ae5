namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// Why the scheduler stops a task. All map to ECS <c>stopCode</c> <c>ServiceSchedulerInitiated</c>;
/// the controller words the <c>stoppedReason</c>.
/// </summary>
public enum StopReason
{
    /// <summary>More tasks than desired.</summary>
    ScaleIn,

    /// <summary>An older deployment's task, replaced by the rollout.</summary>
    ReplacedByDeployment,

    /// <summary>Failed health checks.</summary>
    Unhealthy,

    /// <summary>On a DRAINING instance.</summary>
    InstanceDraining,

    /// <summary>On an instance declared lost; stopping it reaps a stale container if the instance returns.</summary>
    InstanceLost,

    /// <summary>A daemon task on an instance that no longer satisfies the service's constraints.</summary>
    ConstraintUnsatisfied,

    /// <summary>A second daemon task on one instance.</summary>
    Duplicate,
}
