using System.Globalization;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// A container instance's resources as ECS reports them: CPU and MEMORY (INTEGER), PORTS and
/// PORTS_UDP (STRINGSET of port numbers). Remaining = registered minus what the instance's
/// non-STOPPED tasks reserve; their static host ports join the taken ports.
/// </summary>
internal static class InstanceResources
{
    public const string Cpu = "CPU";
    public const string Memory = "MEMORY";
    public const string Ports = "PORTS";
    public const string PortsUdp = "PORTS_UDP";

    public static List<Resource> Registered(ContainerInstanceRecord instance)
    {
        var (tcp, udp) = SplitPorts(instance.HostReservedPorts);
        return Build(instance.RegisteredCpu, instance.RegisteredMemory, tcp, udp);
    }

    public static List<Resource> Remaining(ContainerInstanceRecord instance, IEnumerable<TaskRecord> tasksOnInstance)
    {
        var cpu = instance.RegisteredCpu;
        var memory = instance.RegisteredMemory;
        var ports = instance.HostReservedPorts.ToList();
        foreach (var task in tasksOnInstance)
        {
            if (!TaskCounts.IsActive(task))
            {
                continue;
            }

            cpu -= task.ReservedCpu;
            memory -= task.ReservedMemory;
            ports.AddRange(task.ReservedPorts);
        }

        var (tcp, udp) = SplitPorts(ports);
        return Build(cpu, memory, tcp, udp);
    }

    /// <summary>"80/tcp" and "53/udp" (a bare number is TCP) split by protocol, deduplicated, in numeric order.</summary>
    public static (List<string> Tcp, List<string> Udp) SplitPorts(IEnumerable<string> ports)
    {
        var tcp = new SortedSet<int>();
        var udp = new SortedSet<int>();
        foreach (var entry in ports)
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var number = slash < 0 ? entry : entry[..slash];
            var protocol = slash < 0 ? "tcp" : entry[(slash + 1)..];
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                continue;
            }

            (protocol.Equals("udp", StringComparison.OrdinalIgnoreCase) ? udp : tcp).Add(port);
        }

        return (ToStrings(tcp), ToStrings(udp));
    }

    private static List<string> ToStrings(SortedSet<int> ports) =>
        ports.Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();

    private static List<Resource> Build(int cpu, int memory, List<string> tcp, List<string> udp) =>
    [
        Integer(Cpu, cpu),
        Integer(Memory, memory),
        StringSet(Ports, tcp),
        StringSet(PortsUdp, udp),
    ];

    // ECS fills every numeric member of a Resource, zero where it does not apply.
    private static Resource Integer(string name, int value) =>
        new() { Name = name, Type = "INTEGER", DoubleValue = 0, LongValue = 0, IntegerValue = value };

    private static Resource StringSet(string name, List<string> values) =>
        new() { Name = name, Type = "STRINGSET", DoubleValue = 0, LongValue = 0, IntegerValue = 0, StringSetValue = values };
}
