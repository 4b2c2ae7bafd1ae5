using System.Globalization;
using Docker.DotNet.Models;

// Docker.DotNet's models declare optional fields non-nullable; null there means "not set".
#pragma warning disable CS8601

namespace Wharf.Agent.Docker;

/// <summary>Translation between the agent's Docker types and Docker.DotNet's models.</summary>
internal sealed partial class DockerEngine
{
    internal static CreateContainerParameters ToParameters(ContainerCreateRequest request)
    {
        var exposed = new Dictionary<string, EmptyStruct>();
        var bindings = new Dictionary<string, IList<global::Docker.DotNet.Models.PortBinding>>();
        foreach (var binding in request.PortBindings)
        {
            var key = $"{binding.ContainerPort}/{binding.Protocol}";
            exposed[key] = default;
            if (!bindings.TryGetValue(key, out var list))
            {
                bindings[key] = list = [];
            }

            // An empty HostIP publishes on every address (IPv4 and IPv6), as `docker run -p` does.
            list.Add(new global::Docker.DotNet.Models.PortBinding
            {
                HostIP = string.Empty,
                HostPort = binding.HostPort.ToString(CultureInfo.InvariantCulture),
            });
        }

        return new CreateContainerParameters
        {
            Name = request.Name,
            Image = request.Image,
            Labels = new Dictionary<string, string>(request.Labels),
            Env = [.. request.Env],
            Cmd = request.Cmd is null ? null : [.. request.Cmd],
            Entrypoint = request.Entrypoint is null ? null : [.. request.Entrypoint],
            WorkingDir = request.WorkingDir,
            User = request.User,
            Hostname = request.Hostname,
            ExposedPorts = exposed.Count == 0 ? null : exposed,
            OpenStdin = request.OpenStdin,
            Tty = request.Tty,
            Healthcheck = request.HealthCheck is { } check
                ? new HealthcheckConfig
                {
                    Test = [.. check.Test],
                    Interval = check.Interval,
                    Timeout = check.Timeout,
                    Retries = check.Retries,
                    StartPeriod = check.StartPeriod,
                }
                : null,
            HostConfig = new HostConfig
            {
                NetworkMode = request.NetworkMode,
                Links = request.Links.Count == 0 ? null : [.. request.Links],
                DNS = request.Dns.Count == 0 ? null : [.. request.Dns],
                PortBindings = bindings.Count == 0 ? null : bindings,
                Binds = request.Binds.Count == 0 ? null : [.. request.Binds],
                CPUShares = request.CpuShares,
                Memory = request.MemoryBytes ?? 0,
                MemoryReservation = request.MemoryReservationBytes ?? 0,
                Ulimits = request.Ulimits.Count == 0
                    ? null
                    : [.. request.Ulimits.Select(u => new Ulimit { Name = u.Name, Soft = u.Soft, Hard = u.Hard })],
                Privileged = request.Privileged,
                ReadonlyRootfs = request.ReadonlyRootfs,
            },
        };
    }

    internal static NetworksCreateParameters ToParameters(NetworkCreateRequest request) => new()
    {
        Name = request.Name,
        Driver = request.Driver,
        IPAM = new IPAM { Driver = "default", Config = [new IPAMConfig { Subnet = request.Subnet }] },
        Labels = new Dictionary<string, string>(request.Labels),
    };

    internal static NetworkSnapshot ToSnapshot(NetworkResponse network) => new()
    {
        Id = network.ID,
        Name = network.Name,
        Driver = network.Driver ?? string.Empty,
        Subnets = [.. (network.IPAM?.Config ?? []).Select(c => c.Subnet).Where(s => !string.IsNullOrEmpty(s))],
        Labels = network.Labels is { } labels
            ? new Dictionary<string, string>(labels)
            : new Dictionary<string, string>(),
    };

    internal static ContainerSnapshot ToSnapshot(ContainerInspectResponse inspected)
    {
        var state = inspected.State;
        var status = state?.Status ?? "created";
        return new ContainerSnapshot
        {
            Id = inspected.ID,
            Name = inspected.Name?.TrimStart('/') ?? string.Empty,
            Image = inspected.Config?.Image ?? string.Empty,
            ImageId = inspected.Image,
            Status = status,
            ExitCode = status is "exited" or "dead" && state is not null ? (int)state.ExitCode : null,
            OomKilled = state?.OOMKilled ?? false,
            Error = string.IsNullOrEmpty(state?.Error) ? null : state.Error,
            Health = state?.Health?.Status is { Length: > 0 } health && health != "none" ? health : null,
            StartedAt = ParseTime(state?.StartedAt),
            FinishedAt = ParseTime(state?.FinishedAt),
            Labels = inspected.Config?.Labels is { } labels
                ? new Dictionary<string, string>(labels)
                : new Dictionary<string, string>(),
            PortBindings = Bindings(inspected.HostConfig?.PortBindings),
            Ipv4Address = Endpoint(inspected.NetworkSettings)?.IPAddress,
            MacAddress = Endpoint(inspected.NetworkSettings)?.MacAddress is { Length: > 0 } mac ? mac : null,
            StopSignal = string.IsNullOrEmpty(inspected.Config?.StopSignal) ? null : inspected.Config.StopSignal,
        };
    }

    /// <summary>
    /// The container's endpoint with an address: on the default bridge network, or else on the one
    /// network it is attached to (an awsvpc pause container sits on its subnet's network). Null
    /// when it has none (not running, or sharing another container's network namespace).
    /// </summary>
    private static EndpointSettings? Endpoint(NetworkSettings? settings)
    {
        if (settings?.Networks is not { } networks)
        {
            return null;
        }

        if (networks.TryGetValue("bridge", out var bridge) && !string.IsNullOrEmpty(bridge.IPAddress))
        {
            return bridge;
        }

        return networks.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Value)
            .FirstOrDefault(e => !string.IsNullOrEmpty(e?.IPAddress));
    }

    /// <summary>
    /// The bindings the container was created with. The agent always asks for explicit host
    /// ports, so these stay accurate after the container stops (when the live ones are gone).
    /// </summary>
    private static List<PortBinding> Bindings(IDictionary<string, IList<global::Docker.DotNet.Models.PortBinding>>? configured)
    {
        var result = new List<PortBinding>();
        foreach (var (key, hosts) in configured ?? new Dictionary<string, IList<global::Docker.DotNet.Models.PortBinding>>())
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var portText = slash < 0 ? key : key[..slash];
            var protocol = slash < 0 ? "tcp" : key[(slash + 1)..];
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var containerPort))
            {
                continue;
            }

            foreach (var host in hosts ?? [])
            {
                var ip = string.IsNullOrEmpty(host.HostIP) ? "0.0.0.0" : host.HostIP;
                if (!ip.Contains(':', StringComparison.Ordinal)
                    && int.TryParse(host.HostPort, NumberStyles.None, CultureInfo.InvariantCulture, out var hostPort))
                {
                    result.Add(new PortBinding(containerPort, hostPort, protocol, ip));
                }
            }
        }

        return result;
    }

    /// <summary>Docker writes <c>0001-01-01T00:00:00Z</c> for "never".</summary>
    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
        && parsed.Year > 1
            ? parsed
            : null;
}
