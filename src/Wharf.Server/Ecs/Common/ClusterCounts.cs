namespace Wharf.Server.Ecs.Common;

/// <summary>The counts DescribeClusters reports for one cluster.</summary>
/// <param name="RegisteredContainerInstances">ACTIVE and DRAINING instances.</param>
/// <param name="RunningTasks">Tasks whose lastStatus is RUNNING.</param>
/// <param name="PendingTasks">Tasks not yet RUNNING.</param>
/// <param name="ActiveServices">Services in ACTIVE status.</param>
/// <param name="DrainingServices">Services being deleted (DRAINING).</param>
internal sealed record ClusterCounts(int RegisteredContainerInstances, int RunningTasks, int PendingTasks, int ActiveServices, int DrainingServices)
{
    public static ClusterCounts Empty { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Tasks that keep the cluster from being deleted.</summary>
    public int ActiveTasks { get; init; }
}
