using System.Globalization;
using System.Runtime.InteropServices;

namespace Wharf.Agent.Host;

/// <summary>What the host offers to tasks, as the agent advertises it when registering.</summary>
internal sealed record HostResources(int CpuUnits, int MemoryMiB, IReadOnlyDictionary<string, string> Attributes)
{
    public const int CpuUnitsPerCore = 1024;

    /// <summary>From the machine (cores, <c>/proc/meminfo</c>) and the options' overrides.</summary>
    public static HostResources Detect(AgentOptions options, int processorCount, string? meminfo, string? dockerApiVersion = null)
    {
        var cpu = options.CpuUnits ?? processorCount * CpuUnitsPerCore;
        var memory = options.MemoryMiB ?? (int)Math.Max(0, (MemTotalKiB(meminfo) / 1024) - options.ReservedMemoryMiB);
        var attributes = new Dictionary<string, string>(options.Attributes)
        {
            ["ecs.os-type"] = "linux",
            ["ecs.cpu-architecture"] = Architecture(RuntimeInformation.OSArchitecture),
            ["ecs.availability-zone"] = options.AvailabilityZone ?? options.Region + "a",
            ["ecs.instance-type"] = options.InstanceType,
        };
        foreach (var capability in Capabilities(dockerApiVersion))
        {
            attributes.TryAdd(capability, "");
        }

        return new HostResources(cpu, memory, attributes);
    }

    /// <summary>
    /// The capability attributes the ECS agent advertises, limited to what this agent implements:
    /// every Docker remote API version from 1.17 up to the engine's, the logging drivers, health
    /// checks, container ordering, task-level limits, awsvpc tasks and awslogs under an execution role. Task definitions list the ones they need in
    /// <c>requiresAttributes</c>, and placement only picks instances that have them.
    /// </summary>
    public static IEnumerable<string> Capabilities(string? dockerApiVersion)
    {
        var maxMinor = 41;
        if (dockerApiVersion is { } v && v.StartsWith("1.", StringComparison.Ordinal)
            && int.TryParse(v.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            maxMinor = minor;
        }

        for (var m = 17; m <= maxMinor; m++)
        {
            yield return $"com.amazonaws.ecs.capability.docker-remote-api.1.{m}";
        }

        foreach (var driver in new[] { "json-file", "syslog", "journald", "gelf", "fluentd", "none", "awslogs" })
        {
            yield return "com.amazonaws.ecs.capability.logging-driver." + driver;
        }

        yield return "ecs.capability.container-health-check";
        yield return "ecs.capability.container-ordering";
        yield return "ecs.capability.task-cpu-mem-limit";
        yield return "ecs.capability.docker-plugin.local";
        // awsvpc: a pause container per task on the subnet's Docker network.
        yield return "ecs.capability.task-eni";
        // awslogs with an execution role: the agent ships the logs itself and needs no credentials for it.
        yield return "ecs.capability.execution-role-awslogs";
    }

    /// <summary>ECS's words for the architecture.</summary>
    public static string Architecture(Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "x86_64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.X86 => "i386",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    /// <summary>The <c>MemTotal</c> line of <c>/proc/meminfo</c>, in KiB; 0 when absent.</summary>
    public static long MemTotalKiB(string? meminfo)
    {
        foreach (var line in (meminfo ?? string.Empty).Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                var parts = line["MemTotal:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
                {
                    return kib;
                }
            }
        }

        return 0;
    }
}
