using Wharf.Scheduling.Model;
using Wharf.Scheduling.Query;

namespace Wharf.Scheduling.Placement;

/// <summary>
/// The mutable working copy of one instance while a plan is being built: it starts from the
/// snapshot and absorbs each placement (resources, ports, group counts), so the next placement
/// sees the cluster as it will be. Owned by one <see cref="PlacementCluster"/>; not thread-safe.
/// </summary>
internal sealed class InstanceState(InstanceSnapshot snapshot, int index) : IQueryTarget
{
    private HashSet<int>? _tcpPorts;
    private HashSet<int>? _udpPorts;
    private Dictionary<string, int>? _groupCounts;

    public InstanceSnapshot Snapshot => snapshot;

    public int Index => index;

    public string Arn => snapshot.ContainerInstanceArn;

    // Copied out of the snapshot: the scan reads them for every visited instance, and one less
    // pointer to chase per visit is most of the cost of a visit on a large cluster.
    public bool IsActive { get; } = snapshot.Status == InstanceStatus.Active;

    public int RemainingCpu { get; private set; } = snapshot.RemainingCpu;

    public int RemainingMemory { get; private set; } = snapshot.RemainingMemory;

    public int RunningTasksCount => snapshot.RunningTasksCount;

    public int PendingTasksCount { get; private set; } = snapshot.PendingTasksCount;

    public bool AgentConnected { get; } = snapshot.AgentConnected;

    public string? AgentVersion => snapshot.AgentVersion;

    public string? Ec2InstanceId => snapshot.Ec2InstanceId;

    public DateTimeOffset RegisteredAt => snapshot.RegisteredAt;

    public IEnumerable<string> TaskGroups => GroupCounts.Where(p => p.Value > 0).Select(p => p.Key);

    private Dictionary<string, int> GroupCounts => _groupCounts ??= CountGroups(snapshot.Tasks);

    public bool TryGetAttribute(string name, out string? value) => snapshot.Attributes.TryGetValue(name, out value);

    public bool HasTaskGroup(string group) => CountInGroup(group) > 0;

    public int CountInGroup(string group) => GroupCounts.TryGetValue(group, out var count) ? count : 0;

    public bool IsPortUsed(HostPort port) => port.Protocol == TransportProtocol.Udp
        ? (_udpPorts ??= [.. snapshot.UsedUdpPorts]).Contains(port.Port)
        : (_tcpPorts ??= [.. snapshot.UsedTcpPorts]).Contains(port.Port);

    /// <summary>Absorbs one task of the request: it now reserves resources and ports here, as a pending task.</summary>
    public void Reserve(PlacementRequest request)
    {
        RemainingCpu -= request.Cpu;
        RemainingMemory -= request.Memory;
        PendingTasksCount++;
        foreach (var port in request.StaticHostPorts)
        {
            var ports = port.Protocol == TransportProtocol.Udp
                ? _udpPorts ??= [.. snapshot.UsedUdpPorts]
                : _tcpPorts ??= [.. snapshot.UsedTcpPorts];
            ports.Add(port.Port);
        }

        var counts = GroupCounts;
        counts[request.Group] = CountInGroup(request.Group) + 1;
    }

    private static Dictionary<string, int> CountGroups(IReadOnlyList<TaskOnInstance> tasks)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            counts[task.Group] = counts.TryGetValue(task.Group, out var count) ? count + 1 : 1;
        }

        return counts;
    }
}
