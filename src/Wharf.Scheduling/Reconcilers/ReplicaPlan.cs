namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// The buckets of one REPLICA reconcile step: tasks to start (for the primary deployment), tasks
/// to stop and why, tasks to leave alone. Apply it in one transaction; the next step runs on the
/// state that results.
/// </summary>
public sealed record ReplicaPlan
{
    /// <summary>The bounds this step respected.</summary>
    public required DeploymentBounds Bounds { get; init; }

    /// <summary>New tasks to place, per deployment (only the primary today).</summary>
    public required IReadOnlyList<DeploymentPlacement> Place { get; init; }

    /// <summary>Tasks to stop.</summary>
    public required IReadOnlyList<TaskStop> Stop { get; init; }

    /// <summary>Tasks left as they are.</summary>
    public required IReadOnlyList<string> Ignore { get; init; }

    /// <summary>Older deployments that hold no task once the plan applies: they can become INACTIVE.</summary>
    public required IReadOnlyList<string> DrainedDeployments { get; init; }

    /// <summary>
    /// The service has its desired count of healthy primary tasks and nothing else: the moment to
    /// report "has reached a steady state" and mark the rollout COMPLETED.
    /// </summary>
    public bool SteadyState { get; init; }

    /// <summary>
    /// Work remains but the bounds allow neither a start nor a stop and nothing in flight can
    /// change that: the "unable to stop or start tasks … because of the service deployment
    /// configuration" event.
    /// </summary>
    public bool BlockedByDeploymentConfiguration { get; init; }

    /// <summary>Tasks that would have been started were held back by the launch back-off.</summary>
    public int ThrottledPlacements { get; init; }

    /// <summary>The number of new tasks to place in total.</summary>
    public int PlaceCount => Place.Sum(p => p.Count);
}
