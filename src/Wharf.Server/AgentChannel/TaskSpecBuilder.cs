using System.Text.Json.Nodes;
using Wharf.Core.Model;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Server.AgentChannel;

/// <summary>
/// Builds what the agent runs from a task, its definition's wire JSON and the task's
/// <c>overrides</c> (container overrides replace command, add/replace environment entries and
/// replace cpu/memory, as ECS applies them). <c>dnsServers</c> (where Wharf's DNS server serves task
/// containers) apply to bridge-mode tasks only: host-mode tasks share the host's resolver, and
/// awsvpc/none tasks have no route to the bridge gateway. An awsvpc task carries the interface
/// placement gave it (<see cref="AwsvpcSpec"/>).
/// </summary>
internal static class TaskSpecBuilder
{
    public static TaskSpec Build(TaskRecord task, TaskDefinitionRecord definition, IReadOnlyList<string> dnsServers)
    {
        var td = JsonNode.Parse(definition.Definition)!.AsObject();
        var overrides = task.Overrides?["containerOverrides"]?.AsArray();
        var containers = new List<ContainerSpec>();
        foreach (var node in td["containerDefinitions"]?.AsArray() ?? [])
        {
            var c = node!.AsObject();
            var name = (string)c["name"]!;
            var o = overrides?.FirstOrDefault(x => (string?)x?["name"] == name)?.AsObject();
            containers.Add(BuildContainer(c, o));
        }

        var networkMode = (string?)td["networkMode"] ?? "bridge";
        return new TaskSpec
        {
            TaskArn = task.Arn,
            ClusterArn = task.ClusterArn,
            Family = task.Family,
            Revision = task.Revision,
            DesiredStatus = task.DesiredStatus == "STOPPED" ? "STOPPED" : "RUNNING",
            NetworkMode = networkMode,
            Awsvpc = task.NetworkInterface is { } eni
                ? new AwsvpcSpec
                {
                    AttachmentId = eni.AttachmentId,
                    NetworkInterfaceId = eni.NetworkInterfaceId,
                    SubnetId = eni.SubnetId,
                    SubnetCidr = eni.SubnetCidr,
                }
                : null,
            Cpu = ParseInt(task.Cpu),
            Memory = ParseInt(task.Memory),
            Containers = containers,
            Volumes = (td["volumes"]?.AsArray() ?? []).Select(v => BuildVolume(v!.AsObject())).ToList(),
            // awsvpc tasks resolve through it as well, as tasks in a VPC resolve Cloud Map names
            // through the VPC resolver: their pause container is created with it, and Docker's
            // embedded resolver on the subnet network forwards to it.
            DnsServers = networkMode is "bridge" or "awsvpc" ? dnsServers : [],
        };
    }

    private static ContainerSpec BuildContainer(JsonObject c, JsonObject? o)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in c["environment"]?.AsArray() ?? [])
        {
            environment[(string)e!["name"]!] = (string?)e["value"] ?? "";
        }

        foreach (var e in o?["environment"]?.AsArray() ?? [])
        {
            environment[(string)e!["name"]!] = (string?)e["value"] ?? "";
        }

        var health = c["healthCheck"]?.AsObject();
        var log = c["logConfiguration"]?.AsObject();
        return new ContainerSpec
        {
            Name = (string)c["name"]!,
            Image = (string)c["image"]!,
            Cpu = (int?)o?["cpu"] ?? (int?)c["cpu"] ?? 0,
            Memory = (int?)o?["memory"] ?? (int?)c["memory"],
            MemoryReservation = (int?)o?["memoryReservation"] ?? (int?)c["memoryReservation"],
            Essential = (bool?)c["essential"] ?? true,
            Command = Strings(o?["command"]) ?? Strings(c["command"]),
            EntryPoint = Strings(c["entryPoint"]),
            Environment = environment,
            WorkingDirectory = (string?)c["workingDirectory"],
            User = (string?)c["user"],
            Hostname = (string?)c["hostname"],
            DockerLabels = Map(c["dockerLabels"]),
            Links = Strings(c["links"]) ?? [],
            PortMappings = (c["portMappings"]?.AsArray() ?? []).Select(p => new PortMappingSpec
            {
                ContainerPort = (int?)p!["containerPort"] ?? 0,
                HostPort = (int?)p["hostPort"],
                Protocol = (string?)p["protocol"] ?? "tcp",
            }).ToList(),
            MountPoints = (c["mountPoints"]?.AsArray() ?? []).Select(m => new MountPointSpec(
                (string)m!["sourceVolume"]!, (string)m["containerPath"]!, (bool?)m["readOnly"] ?? false)).ToList(),
            DependsOn = (c["dependsOn"]?.AsArray() ?? []).Select(d => new DependencySpec(
                (string)d!["containerName"]!, (string)d["condition"]!)).ToList(),
            HealthCheck = health is null ? null : new HealthCheckSpec
            {
                Command = Strings(health["command"]) ?? [],
                Interval = (int?)health["interval"] ?? 30,
                Timeout = (int?)health["timeout"] ?? 5,
                Retries = (int?)health["retries"] ?? 3,
                StartPeriod = (int?)health["startPeriod"] ?? 0,
            },
            StopTimeout = (int?)c["stopTimeout"],
            StartTimeout = (int?)c["startTimeout"],
            ReadonlyRootFilesystem = (bool?)c["readonlyRootFilesystem"] ?? false,
            Privileged = (bool?)c["privileged"] ?? false,
            Interactive = (bool?)c["interactive"] ?? false,
            PseudoTerminal = (bool?)c["pseudoTerminal"] ?? false,
            Ulimits = (c["ulimits"]?.AsArray() ?? []).Select(u => new UlimitSpec(
                (string)u!["name"]!, (int?)u["softLimit"] ?? 0, (int?)u["hardLimit"] ?? 0)).ToList(),
            LogConfiguration = log is null ? null : new LogConfigurationSpec
            {
                LogDriver = (string?)log["logDriver"] ?? "json-file",
                Options = Map(log["options"]),
            },
        };
    }

    private static VolumeSpec BuildVolume(JsonObject v)
    {
        var docker = v["dockerVolumeConfiguration"]?.AsObject();
        return new VolumeSpec
        {
            Name = (string)v["name"]!,
            HostSourcePath = (string?)v["host"]?["sourcePath"],
            DockerVolume = docker is null ? null : new DockerVolumeSpec
            {
                Scope = (string?)docker["scope"] ?? "task",
                Autoprovision = (bool?)docker["autoprovision"] ?? false,
                Driver = (string?)docker["driver"],
                DriverOpts = Map(docker["driverOpts"]),
                Labels = Map(docker["labels"]),
            },
        };
    }

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(x => (string?)x ?? "").ToList() : null;

    private static Dictionary<string, string> Map(JsonNode? node) =>
        node is JsonObject obj
            ? obj.ToDictionary(kv => kv.Key, kv => (string?)kv.Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static int? ParseInt(string? value) => int.TryParse(value, out var n) ? n : null;
}
