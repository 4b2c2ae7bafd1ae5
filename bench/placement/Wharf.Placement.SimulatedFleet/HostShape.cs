using System.Globalization;

namespace Wharf.Placement.SimulatedFleet;

/// <summary>
/// The resources and attributes of one simulated host: the instance types, zones and tiers of
/// bench/Wharf.Scheduling.Benchmarks (SimulatedCluster), so the two benchmarks place onto the same
/// shape of fleet. Deterministic for a seed.
/// </summary>
internal sealed record HostShape(string Ec2InstanceId, int Cpu, int MemoryMiB, IReadOnlyDictionary<string, string> Attributes)
{
    private static readonly (string Type, int Cpu, int Memory)[] InstanceTypes =
    [
        ("m5.large", 2048, 8192), ("m5.xlarge", 4096, 16384), ("m5.2xlarge", 8192, 32768), ("m5.4xlarge", 16384, 65536),
        ("c5.xlarge", 4096, 8192), ("c5.2xlarge", 8192, 16384), ("c5.4xlarge", 16384, 32768),
        ("r5.large", 2048, 16384), ("r5.xlarge", 4096, 32768), ("r5.2xlarge", 8192, 65536),
    ];

    private static readonly string[] Zones = ["us-east-1a", "us-east-1b", "us-east-1c"];
    private static readonly string[] Tiers = ["web", "general", "batch"];

    public static IReadOnlyList<HostShape> Fleet(int count, int seed)
    {
        var random = new Random(seed);
        var hosts = new List<HostShape>(count);
        for (var i = 0; i < count; i++)
        {
            var (type, cpu, memory) = InstanceTypes[random.Next(InstanceTypes.Length)];
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ecs.availability-zone"] = Zones[i % Zones.Length],
                ["ecs.instance-type"] = type,
                ["ecs.os-type"] = "linux",
                ["ecs.cpu-architecture"] = "x86_64",
                ["tier"] = Tiers[random.Next(Tiers.Length)],
                ["rack"] = random.Next(1, 200).ToString(CultureInfo.InvariantCulture),
            };
            hosts.Add(new HostShape($"i-sim{seed:x4}{i:x12}", cpu, memory, attributes));
        }

        return hosts;
    }
}
