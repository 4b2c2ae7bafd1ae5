using Wharf.Core.Model;
using Wharf.Scheduling.Model;
using Wharf.Server.AgentChannel;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Placement;

/// <summary>
/// Reads a cluster's container instances and tasks from the store and turns them into the
/// scheduler's <see cref="InstanceSnapshot"/>s: remaining CPU and memory after what non-stopped
/// tasks reserve, host ports in use (the agent's reserved ports, tasks' static ports and their
/// actual bindings), task groups and counts, and whether the agent is connected to this server.
/// Shared by RunTask, StartTask and the service scheduler; knows nothing of their requests.
/// </summary>
internal sealed class ClusterSnapshotBuilder(StateRepository state, AgentRegistry agents, ResourceNames names)
{
    public async ValueTask<ClusterSnapshot> BuildAsync(string clusterArn, CancellationToken cancellationToken)
    {
        // Instances first, tasks second: a placement that commits in between bumps the instance
        // version this read saw, so a commit built on this snapshot conflicts instead of missing it.
        var (instances, tasks) = await ReadAsync(clusterArn, cancellationToken);
        return Build(clusterArn, instances, tasks, agents.IsConnected, names.FargatePool);
    }

    /// <summary>The records a snapshot is built from, instances first (see <see cref="BuildAsync"/>).</summary>
    /// <remarks>
    /// The instances of the Fargate pool come with every cluster's (a cluster's FARGATE tasks run
    /// there), with the tasks of other clusters that hold their resources; placement keeps each
    /// launch type to its own instances (<see cref="ClusterSnapshot.InstancesFor"/>).
    /// </remarks>
    public async ValueTask<(IReadOnlyList<Versioned<ContainerInstanceRecord>> Instances, IReadOnlyList<Versioned<TaskRecord>> Tasks)> ReadAsync(
        string clusterArn, CancellationToken cancellationToken)
    {
        var instances = (await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, clusterArn, cancellationToken)).ToList();
        var pool = await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, names.FargatePool, cancellationToken);
        var tasks = (await state.ListAsync<TaskRecord>(StateKinds.Task, clusterArn, cancellationToken)).ToList();
        if (pool.Count > 0 && clusterArn != names.FargatePool)
        {
            instances.AddRange(pool.Where(i => i.Value.Status != "INACTIVE"));
            foreach (var instance in pool)
            {
                var there = await state.ListByFieldAsync<TaskRecord>(StateKinds.Task, "containerInstanceArn", instance.Value.Arn, cancellationToken);
                tasks.AddRange(there.Where(t => t.Value.ClusterArn != clusterArn && TaskCounts.IsActive(t.Value)));
            }
        }

        return (instances, tasks);
    }

    /// <summary>The partition of the Fargate pool's instances.</summary>
    public string FargatePool => names.FargatePool;

    /// <summary>Whether the instance's agent is connected to this server now.</summary>
    public bool IsAgentConnected(string containerInstanceArn) => agents.IsConnected(containerInstanceArn);

    /// <summary>The pure part: records in, snapshot out.</summary>
    public static ClusterSnapshot Build(
        string clusterArn,
        IReadOnlyList<Versioned<ContainerInstanceRecord>> instances,
        IReadOnlyList<Versioned<TaskRecord>> tasks,
        Func<string, bool> isAgentConnected,
        string? fargatePool = null)
    {
        var active = tasks.Where(t => TaskCounts.IsActive(t.Value)).ToList();
        var byInstance = active
            .Where(t => t.Value.ContainerInstanceArn is not null)
            .ToLookup(t => t.Value.ContainerInstanceArn!, StringComparer.Ordinal);

        var snapshots = new List<InstanceSnapshot>(instances.Count);
        var records = new Dictionary<string, Versioned<ContainerInstanceRecord>>(StringComparer.Ordinal);
        foreach (var instance in instances.OrderBy(i => i.Value.Arn, StringComparer.Ordinal))
        {
            records[instance.Value.Arn] = instance;
            snapshots.Add(Snapshot(instance.Value, byInstance[instance.Value.Arn].Select(t => t.Value), isAgentConnected(instance.Value.Arn)));
        }

        return new ClusterSnapshot(clusterArn, snapshots, records, active) { FargatePool = fargatePool };
    }

    internal static InstanceSnapshot Snapshot(ContainerInstanceRecord record, IEnumerable<TaskRecord> tasks, bool agentConnected)
    {
        var tcp = new HashSet<int>();
        var udp = new HashSet<int>();
        foreach (var reserved in record.HostReservedPorts)
        {
            if (HostPorts.TryParse(reserved, out var port))
            {
                (port.Protocol == TransportProtocol.Udp ? udp : tcp).Add(port.Port);
            }
        }

        int cpu = 0, memory = 0, running = 0, pending = 0;
        var placed = new List<TaskOnInstance>();
        foreach (var task in tasks)
        {
            cpu += task.ReservedCpu;
            memory += task.ReservedMemory;
            foreach (var reserved in task.ReservedPorts)
            {
                if (HostPorts.TryParse(reserved, out var port))
                {
                    (port.Protocol == TransportProtocol.Udp ? udp : tcp).Add(port.Port);
                }
            }

            foreach (var binding in task.Containers.SelectMany(c => c.NetworkBindings))
            {
                if (binding.HostPort > 0 && HostPorts.TryParseProtocol(binding.Protocol, out var protocol))
                {
                    (protocol == TransportProtocol.Udp ? udp : tcp).Add(binding.HostPort);
                }
            }

            // Counted as DescribeContainerInstances counts them, so queries see the same numbers.
            running += TaskCounts.IsRunning(task) ? 1 : 0;
            pending += TaskCounts.IsPending(task) ? 1 : 0;

            if (task.DesiredStatus != TaskStatuses.Stopped)
            {
                placed.Add(new TaskOnInstance(task.Family, task.Group ?? $"family:{task.Family}", task.StartedBy));
            }
        }

        return new InstanceSnapshot
        {
            ContainerInstanceArn = record.Arn,
            Id = record.Id,
            Ec2InstanceId = record.Ec2InstanceId,
            Status = ParseStatus(record.Status),
            AgentConnected = agentConnected,
            AgentVersion = record.AgentVersion,
            RegisteredAt = record.RegisteredAt,
            Attributes = Attributes(record.Attributes),
            RegisteredCpu = record.RegisteredCpu,
            RegisteredMemory = record.RegisteredMemory,
            RemainingCpu = Math.Max(0, record.RegisteredCpu - cpu),
            RemainingMemory = Math.Max(0, record.RegisteredMemory - memory),
            UsedTcpPorts = tcp,
            UsedUdpPorts = udp,
            RunningTasksCount = running,
            PendingTasksCount = pending,
            Tasks = placed,
        };
    }

    internal static InstanceStatus ParseStatus(string status) => status switch
    {
        "ACTIVE" => InstanceStatus.Active,
        "DRAINING" => InstanceStatus.Draining,
        "REGISTERING" => InstanceStatus.Registering,
        "DEREGISTERING" => InstanceStatus.Deregistering,
        "REGISTRATION_FAILED" => InstanceStatus.RegistrationFailed,
        _ => InstanceStatus.Inactive,
    };

    private static Dictionary<string, string?> Attributes(IReadOnlyList<AttributeRecord> attributes)
    {
        var result = new Dictionary<string, string?>(attributes.Count, StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            result[attribute.Name] = attribute.Value;
        }

        return result;
    }
}
