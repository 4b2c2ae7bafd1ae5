using Wharf.Scheduling.Model;
using Wharf.Scheduling.Query;

namespace Wharf.Scheduling.Benchmarks;

/// <summary>
/// A simulated fleet for placement benchmarks (no agents, no Docker): instances with varied
/// sizes, zones, types and custom attributes, and services whose placement requests mix
/// spread(zone) + binpack(memory) with a memberOf constraint. Deterministic for a given seed.
/// </summary>
public static class SimulatedCluster
{
    private static readonly (string Type, int Cpu, int Memory)[] InstanceTypes =
    [
        ("m5.large", 2048, 8192), ("m5.xlarge", 4096, 16384), ("m5.2xlarge", 8192, 32768), ("m5.4xlarge", 16384, 65536),
        ("c5.xlarge", 4096, 8192), ("c5.2xlarge", 8192, 16384), ("c5.4xlarge", 16384, 32768),
        ("r5.large", 2048, 16384), ("r5.xlarge", 4096, 32768), ("r5.2xlarge", 8192, 65536),
    ];

    private static readonly string[] Zones = ["us-east-1a", "us-east-1b", "us-east-1c"];
    private static readonly string[] Tiers = ["web", "general", "batch"];

    private static readonly string[] Expressions =
    [
        "attribute:tier != batch",
        "attribute:ecs.instance-type =~ m5.* or attribute:ecs.instance-type =~ r5.*",
        "attribute:tier in [web, general] and attribute:ecs.os-type == linux",
        "attribute:ecs.capability.docker-remote-api.1.40 exists and not attribute:ecs.instance-type =~ c5.*",
    ];

    /// <summary>Builds <paramref name="count"/> empty instances.</summary>
    public static List<InstanceSnapshot> Instances(int count, int seed)
    {
        var random = new Random(seed);
        var registered = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var instances = new List<InstanceSnapshot>(count);
        for (var i = 0; i < count; i++)
        {
            var (type, cpu, memory) = InstanceTypes[random.Next(InstanceTypes.Length)];
            var id = $"{i:x8}{random.NextInt64():x16}{random.Next():x8}";
            instances.Add(new InstanceSnapshot
            {
                ContainerInstanceArn = $"arn:aws:ecs:us-east-1:000000000000:container-instance/bench/{id}",
                Id = id,
                Ec2InstanceId = $"i-{i:x17}",
                AgentVersion = "1.80.0",
                RegisteredAt = registered.AddMinutes(i),
                Attributes = new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["ecs.availability-zone"] = Zones[i % Zones.Length],
                    ["ecs.instance-type"] = type,
                    ["ecs.os-type"] = "linux",
                    ["ecs.cpu-architecture"] = "x86_64",
                    ["ecs.capability.docker-remote-api.1.40"] = null,
                    ["tier"] = Tiers[random.Next(Tiers.Length)],
                    ["rack"] = random.Next(1, 200).ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
                RegisteredCpu = cpu,
                RegisteredMemory = memory,
                RemainingCpu = cpu,
                RemainingMemory = memory,
                UsedTcpPorts = [22, 2375, 2376, 51678, 51679],
            });
        }

        return instances;
    }

    /// <summary>
    /// Service placement requests totalling <paramref name="totalTasks"/> tasks over
    /// <paramref name="services"/> services, each spread(zone) + binpack(memory) with a memberOf.
    /// </summary>
    public static List<PlacementRequest> Services(int services, int totalTasks, int seed)
    {
        var random = new Random(seed);
        var parsed = Expressions.Select(ClusterQuery.Parse).ToArray();
        var requests = new List<PlacementRequest>(services);
        for (var s = 0; s < services; s++)
        {
            requests.Add(new PlacementRequest
            {
                Cpu = 64 * random.Next(1, 5),
                Memory = 128 * random.Next(1, 9),
                Group = $"service:svc-{s:D3}",
                TaskDefinitionFamily = $"svc-{s:D3}",
                Origin = PlacementOrigin.Service,
                Count = totalTasks / services,
                Strategies = [PlacementStrategy.SpreadAttribute("ecs.availability-zone"), PlacementStrategy.BinpackMemory],
                Constraints = [PlacementConstraint.MemberOf(parsed[s % parsed.Length])],
            });
        }

        return requests;
    }
}
