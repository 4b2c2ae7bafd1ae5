namespace Wharf.Scheduling.Model;

/// <summary>The ECS service <c>schedulingStrategy</c>.</summary>
public enum SchedulingStrategy
{
    /// <summary><c>REPLICA</c>: keep a desired count of tasks across the cluster.</summary>
    Replica,

    /// <summary><c>DAEMON</c>: one task on each eligible instance.</summary>
    Daemon,
}
