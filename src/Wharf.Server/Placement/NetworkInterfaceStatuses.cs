namespace Wharf.Server.Placement;

/// <summary>
/// The statuses of a task's ENI attachment as DescribeTasks reports them: PRECREATED when the
/// task is placed, ATTACHED once the agent has built the interface, DETACHED while the task
/// deprovisions, DELETED once it has stopped.
/// </summary>
internal static class NetworkInterfaceStatuses
{
    public const string Precreated = "PRECREATED";
    public const string Attached = "ATTACHED";
    public const string Detached = "DETACHED";
    public const string Deleted = "DELETED";
}
