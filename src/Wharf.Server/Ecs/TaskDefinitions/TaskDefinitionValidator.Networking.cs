using System.Globalization;
using Wharf.Core.Arns;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>Rules of port mappings and links, which depend on the task's network mode.</summary>
internal static partial class TaskDefinitionValidator
{
    /// <summary>links only in bridge mode, each <c>name</c> or <c>name:alias</c> naming another container.</summary>
    private static void ValidateLinks(ContainerDefinition container, string networkMode, HashSet<string> names)
    {
        if (container.Links is not { Count: > 0 } links)
        {
            return;
        }

        if (networkMode != "bridge")
        {
            throw EcsErrors.Client($"Links are not supported when networkMode={networkMode}.");
        }

        foreach (var link in links)
        {
            var parts = (link ?? "").Split(':');
            if (parts.Length > 2 || !ResourceNames.IsValidName(parts[0]) || (parts.Length == 2 && !ResourceNames.IsValidName(parts[1])))
            {
                throw EcsErrors.Client($"Invalid link '{link}' in container '{container.Name}': a link is name or name:alias.");
            }

            if (!names.Contains(parts[0]) || parts[0] == container.Name)
            {
                throw EcsErrors.Client(
                    $"Invalid link '{link}' in container '{container.Name}': '{parts[0]}' is not another container of the task definition.");
            }
        }
    }

    /// <summary>
    /// No mappings in none mode; in host and awsvpc modes hostPort is omitted or equals containerPort;
    /// ports in range; a static host port (with its protocol) and a mapping name are used once per task.
    /// </summary>
    private static void ValidatePorts(List<ContainerDefinition> containers, string networkMode)
    {
        var hostPorts = new HashSet<(int, string)>();
        var mappingNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var container in containers)
        {
            var mappings = container.PortMappings ?? [];
            if (mappings.Count > 0 && networkMode == "none")
            {
                throw EcsErrors.Client("Port mappings are not supported when networkMode=none.");
            }

            var seen = new HashSet<(int?, int?, string)>();
            foreach (var mapping in mappings)
            {
                var protocol = mapping.Protocol ?? "tcp";
                CheckOneOf("portMappings.protocol", protocol, "tcp", "udp");
                ValidateMappingPorts(container.Name, mapping, networkMode);

                if (!seen.Add((mapping.ContainerPort, mapping.HostPort, protocol)))
                {
                    throw EcsErrors.Client(
                        $"Duplicate port mapping in container '{container.Name}': containerPort {mapping.ContainerPort}/{protocol} is listed twice.");
                }

                var hostPort = networkMode is "host" or "awsvpc" ? mapping.ContainerPort : mapping.HostPort;
                if (hostPort is > 0 && !hostPorts.Add((hostPort.Value, protocol)))
                {
                    throw EcsErrors.Client(
                        $"Host port {hostPort}/{protocol} is used by more than one port mapping in the task definition.");
                }

                if (mapping.Name is { } mappingName && !mappingNames.Add(mappingName))
                {
                    throw EcsErrors.Client($"Port mapping names must be unique within a task definition: '{mappingName}' is used twice.");
                }
            }
        }
    }

    private static void ValidateMappingPorts(string? container, PortMapping mapping, string networkMode)
    {
        if (mapping.ContainerPortRange is { } range)
        {
            if (mapping.ContainerPort is not null || mapping.HostPort is not null || !IsPortRange(range))
            {
                throw EcsErrors.Client(
                    $"Invalid containerPortRange '{range}' in container '{container}': give first-last (1–65535) without containerPort or hostPort.");
            }

            return;
        }

        if (mapping.ContainerPort is not (>= 1 and <= 65535))
        {
            throw EcsErrors.Client(
                $"Invalid port mapping in container '{container}': containerPort must be between 1 and 65535; {mapping.ContainerPort?.ToString(CultureInfo.InvariantCulture) ?? "none"} was given.");
        }

        if (mapping.HostPort is < 0 or > 65535)
        {
            throw EcsErrors.Client(
                $"Invalid port mapping in container '{container}': hostPort must be between 0 and 65535; {mapping.HostPort} was given.");
        }

        if (networkMode is "host" or "awsvpc" && mapping.HostPort is { } host && host != mapping.ContainerPort)
        {
            throw EcsErrors.Client($"When networkMode={networkMode}, the host ports and container ports in port mappings must match.");
        }
    }

    private static bool IsPortRange(string range)
    {
        var parts = range.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first is >= 1 and <= 65535 && last is >= 1 and <= 65535 && first < last;
    }
}
