using Wharf.Scheduling.Model;

namespace Wharf.Scheduling.Tests;

/// <summary>Builders of instance snapshots and requests for tests.</summary>
internal static class TestInstances
{
    public static readonly DateTimeOffset Registered = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static InstanceSnapshot Instance(
        int n,
        string zone = "us-east-1a",
        int cpu = 2048,
        int memory = 4096,
        bool connected = true,
        InstanceStatus status = InstanceStatus.Active,
        IReadOnlyList<TaskOnInstance>? tasks = null,
        IReadOnlyCollection<int>? tcpPorts = null,
        IReadOnlyCollection<int>? udpPorts = null,
        Dictionary<string, string?>? attributes = null,
        int? remainingCpu = null,
        int? remainingMemory = null,
        string? agentVersion = "1.80.0",
        DateTimeOffset? registeredAt = null,
        int running = 0)
    {
        var id = n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
        var attrs = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ecs.availability-zone"] = zone,
            ["ecs.instance-type"] = "t3.medium",
            ["ecs.os-type"] = "linux",
        };
        foreach (var (k, v) in attributes ?? [])
        {
            attrs[k] = v;
        }

        return new InstanceSnapshot
        {
            ContainerInstanceArn = $"arn:aws:ecs:us-east-1:000000000000:container-instance/default/{id}",
            Id = id,
            Ec2InstanceId = $"i-{n:x8}",
            Status = status,
            AgentConnected = connected,
            AgentVersion = agentVersion,
            RegisteredAt = registeredAt ?? Registered,
            Attributes = attrs,
            RegisteredCpu = cpu,
            RegisteredMemory = memory,
            RemainingCpu = remainingCpu ?? cpu,
            RemainingMemory = remainingMemory ?? memory,
            UsedTcpPorts = tcpPorts ?? [22, 2375, 2376, 51678, 51679],
            UsedUdpPorts = udpPorts ?? [],
            Tasks = tasks ?? [],
            RunningTasksCount = running > 0 ? running : (tasks?.Count ?? 0),
        };
    }

    public static PlacementRequest Request(
        int memory = 256,
        int cpu = 256,
        int count = 1,
        string group = "service:web",
        IReadOnlyList<PlacementStrategy>? strategies = null,
        IReadOnlyList<PlacementConstraint>? constraints = null,
        IReadOnlyList<HostPort>? ports = null,
        PlacementOrigin origin = PlacementOrigin.Service) => new()
        {
            Cpu = cpu,
            Memory = memory,
            Count = count,
            Group = group,
            TaskDefinitionFamily = "web",
            Strategies = strategies,
            Constraints = constraints ?? [],
            StaticHostPorts = ports ?? [],
            Origin = origin,
        };

    public static TaskOnInstance Task(string group = "service:web") => new("web", group);
}
