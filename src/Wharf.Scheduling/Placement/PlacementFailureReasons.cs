namespace Wharf.Scheduling.Placement;

/// <summary>
/// The <c>reason</c> strings of ECS <c>failures</c> entries for placement, worded as ECS words them
/// (see "API failure reasons" in the ECS developer guide).
/// </summary>
public static class PlacementFailureReasons
{
    /// <summary>The instance's agent is disconnected.</summary>
    public const string Agent = "AGENT";

    /// <summary>Not enough CPU units remain.</summary>
    public const string Cpu = "RESOURCE:CPU";

    /// <summary>Not enough memory remains.</summary>
    public const string Memory = "RESOURCE:MEMORY";

    /// <summary>A static host port the task needs is in use.</summary>
    public const string Ports = "RESOURCE:PORTS";

    /// <summary>The instance lacks an attribute the task definition requires.</summary>
    public const string Attribute = "ATTRIBUTE";

    /// <summary>
    /// An <c>awsvpc</c> task's subnets are all in other availability zones than the instance's.
    /// ECS documents no reason string for it; this one names the cause the way its other reasons do.
    /// </summary>
    public const string SubnetZone = "No subnet in the awsvpcConfiguration is in the container instance's availability zone.";

    /// <summary>The instance does not match a memberOf expression.</summary>
    public const string MemberOf = "MemberOf placement constraint unsatisfied.";

    /// <summary>The instance already runs a task of the group.</summary>
    public const string DistinctInstance = "DistinctInstance placement constraint unsatisfied.";
}
