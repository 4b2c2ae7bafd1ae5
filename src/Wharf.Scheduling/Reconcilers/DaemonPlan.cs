using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Reconcilers;

/// <summary>The buckets of one DAEMON reconcile step.</summary>
public sealed record DaemonPlan
{
    /// <summary>The number of eligible instances: the daemon's desired count.</summary>
    public required int DesiredCount { get; init; }

    /// <summary>Tasks to start, one per instance; resources are already checked and reserved.</summary>
    public required IReadOnlyList<DaemonPlacement> Place { get; init; }

    /// <summary>Tasks to stop.</summary>
    public required IReadOnlyList<TaskStop> Stop { get; init; }

    /// <summary>Tasks left as they are.</summary>
    public required IReadOnlyList<string> Ignore { get; init; }

    /// <summary>Eligible instances that lack the resources (or agent) for the task now.</summary>
    public required IReadOnlyList<PlacementFailure> Failures { get; init; }

    /// <summary>Older deployments that hold no task once the plan applies.</summary>
    public required IReadOnlyList<string> DrainedDeployments { get; init; }

    /// <summary>
    /// Old tasks remain to be replaced but minimumHealthyPercent allows no stop and nothing in
    /// flight can change that (for example 100% on a daemon, whose maximum is fixed at 100%).
    /// </summary>
    public bool BlockedByDeploymentConfiguration { get; init; }

    /// <summary>Every eligible instance runs one healthy primary task, and nothing else runs.</summary>
    public bool SteadyState { get; init; }
}
