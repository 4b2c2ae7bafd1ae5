namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// The canonical order of the chain. Cheap, fundamental questions come first (can the instance
/// take anything at all; does it have room), policy last (constraints the user wrote): most
/// rejections in a busy cluster are resources, which are integer comparisons, so the expensive
/// query evaluation runs only on instances that could really host the task.
/// </summary>
internal enum FeasibilityStage
{
    Agent,
    Cpu,
    Memory,
    Ports,
    Attributes,
    SubnetZone,
    MemberOf,
    DistinctInstance,
}
