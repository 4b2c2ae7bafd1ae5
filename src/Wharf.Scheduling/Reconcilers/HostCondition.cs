namespace Wharf.Scheduling.Reconcilers;

/// <summary>The state of the instance a service task runs on, as it matters to the service.</summary>
public enum HostCondition
{
    /// <summary>ACTIVE and reachable (or disconnected, but not yet declared lost).</summary>
    Active,

    /// <summary>DRAINING: the task moves elsewhere within the deployment bounds.</summary>
    Draining,

    /// <summary>
    /// Silent past the loss timeout, or gone: the task is presumed dead, counts for nothing, and is
    /// replaced at once; if the instance returns, its stale container is stopped.
    /// </summary>
    Lost,
}
