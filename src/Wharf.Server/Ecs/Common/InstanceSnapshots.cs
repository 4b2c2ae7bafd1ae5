using Wharf.Core.Model;
using Wharf.Scheduling.Model;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Common;

/// <summary>Builds the scheduler's <see cref="InstanceSnapshot"/> of a container instance from the stored records.</summary>
internal static class InstanceSnapshots
{
    /// <param name="instance">The instance record.</param>
    /// <param name="tasksOnInstance">The tasks whose containerInstanceArn is this instance (any status).</param>
    /// <param name="agentConnected">Whether its agent is connected now.</param>
    public static InstanceSnapshot From(ContainerInstanceRecord instance, IReadOnlyCollection<TaskRecord> tasksOnInstance, bool agentConnected)
    {
        var active = tasksOnInstance.Where(TaskCounts.IsActive).ToList();
        var (tcp, udp) = InstanceResources.SplitPorts(instance.HostReservedPorts.Concat(active.SelectMany(t => t.ReservedPorts)));
        return new InstanceSnapshot
        {
            ContainerInstanceArn = instance.Arn,
            Id = instance.Id,
            Ec2InstanceId = instance.Ec2InstanceId,
            Status = StatusOf(instance.Status),
            AgentConnected = agentConnected,
            AgentVersion = instance.AgentVersion,
            RegisteredAt = instance.RegisteredAt,
            Attributes = instance.Attributes
                .GroupBy(a => a.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
            RegisteredCpu = instance.RegisteredCpu,
            RegisteredMemory = instance.RegisteredMemory,
            RemainingCpu = instance.RegisteredCpu - active.Sum(t => t.ReservedCpu),
            RemainingMemory = instance.RegisteredMemory - active.Sum(t => t.ReservedMemory),
            UsedTcpPorts = tcp.Select(int.Parse).ToList(),
            UsedUdpPorts = udp.Select(int.Parse).ToList(),
            RunningTasksCount = tasksOnInstance.Count(TaskCounts.IsRunning),
            PendingTasksCount = tasksOnInstance.Count(TaskCounts.IsPending),
            Tasks = tasksOnInstance
                .Where(t => t.DesiredStatus == TaskStatuses.Running)
                .Select(t => new TaskOnInstance(t.Family, t.Group ?? $"family:{t.Family}", t.StartedBy))
                .ToList(),
        };
    }

    public static InstanceStatus StatusOf(string status) => status switch
    {
        "DRAINING" => InstanceStatus.Draining,
        "REGISTERING" => InstanceStatus.Registering,
        "DEREGISTERING" => InstanceStatus.Deregistering,
        "REGISTRATION_FAILED" => InstanceStatus.RegistrationFailed,
        "INACTIVE" => InstanceStatus.Inactive,
        _ => InstanceStatus.Active,
    };
}
