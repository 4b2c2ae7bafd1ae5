namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// Where a service task is, for the reconciler. Tasks already told to stop (desired STOPPED) are
/// not passed in: they no longer count toward either bound.
/// </summary>
public enum ServiceTaskState
{
    /// <summary>Placed but not yet RUNNING (PROVISIONING, PENDING, ACTIVATING).</summary>
    Pending,

    /// <summary>RUNNING.</summary>
    Running,
}
