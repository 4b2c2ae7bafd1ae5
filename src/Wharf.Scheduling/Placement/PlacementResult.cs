namespace Wharf.Scheduling.Placement;

/// <summary>
/// The outcome of placing <c>count</c> tasks: an instance per placed task, in order, and for the
/// rest why no instance would take them.
/// </summary>
public sealed record PlacementResult
{
    /// <summary>One entry per placed task, in placement order.</summary>
    public required IReadOnlyList<TaskPlacement> Placements { get; init; }

    /// <summary>How many tasks of the request found no instance.</summary>
    public int UnplacedCount { get; init; }

    /// <summary>
    /// When tasks were left unplaced: each active instance's rejection (first failed check), in
    /// the order the instances were given, for the ECS <c>failures</c> list. Empty when all were placed.
    /// </summary>
    public IReadOnlyList<PlacementFailure> Failures { get; init; } = [];

    /// <summary>
    /// The rejected instance that passed the most checks (the "closest matching container-instance"
    /// of the service event), or null when all were placed or there was no candidate.
    /// </summary>
    public PlacementFailure? ClosestMatch { get; init; }

    /// <summary>
    /// True when the cluster has no ACTIVE instance at all (ECS: "No Container Instances were
    /// found in your cluster.").
    /// </summary>
    public bool NoContainerInstances { get; init; }

    /// <summary>Whether every task was placed.</summary>
    public bool AllPlaced => UnplacedCount == 0;
}
