using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Json;
using Wharf.Scheduling.Model;
using Wharf.Server.State;
using PlacementConstraint = Wharf.Scheduling.Model.PlacementConstraint;

namespace Wharf.Server.Placement;

/// <summary>
/// A task definition revision with a task's <c>overrides</c> applied: what each task started from
/// it reserves (CPU, memory, static host ports), what it requires of an instance, and how to mint
/// its <see cref="TaskRecord"/> once placed. Built once per API call or per service deployment and
/// shared by every task of it. Overrides are assumed valid (the API checks them first); names that
/// match no container are ignored here. Immutable.
/// </summary>
internal sealed class TaskBlueprint
{
    private readonly JsonObject overridesJson;

    private TaskBlueprint(TaskDefinitionRecord record, TaskDefinition definition, TaskOverride? overrides)
    {
        Record = record;
        Definition = definition;
        NetworkMode = definition.NetworkMode ?? "bridge";

        var given = overrides?.ContainerOverrides ?? [];
        var containers = new List<BlueprintContainer>();
        foreach (var container in definition.ContainerDefinitions ?? [])
        {
            var o = given.FirstOrDefault(x => x.Name == container.Name);
            containers.Add(new BlueprintContainer(
                container,
                o?.Cpu ?? container.Cpu ?? 0,
                o?.Memory ?? container.Memory,
                o?.MemoryReservation ?? container.MemoryReservation));
        }

        Containers = containers;
        TaskCpu = TaskSizes.TryParseCpu(overrides?.Cpu ?? definition.Cpu, out var cpu) ? cpu : null;
        TaskMemory = TaskSizes.TryParseMemory(overrides?.Memory ?? definition.Memory, out var memory) ? memory : null;

        var resources = containers.Select(c => new ContainerResources(c.Cpu, c.Memory, c.MemoryReservation)).ToList();
        ReservedCpu = TaskResources.ReservedCpu(TaskCpu, resources);
        ReservedMemory = TaskResources.ReservedMemory(TaskMemory, resources);
        StaticHostPorts = FindStaticPorts(NetworkMode, containers);
        RequiredAttributes = (definition.RequiresAttributes ?? [])
            .Where(a => !string.IsNullOrEmpty(a.Name))
            .Select(a => new RequiredAttribute(a.Name!, a.Value))
            .ToList();
        Constraints = (definition.PlacementConstraints ?? [])
            .Select(c => PlacementConstraint.TryCreate(c.Type, c.Expression, out var parsed, out _) ? parsed : null)
            .OfType<PlacementConstraint>()
            .ToList();

        // ECS echoes one container override per container (a bare name where none was given).
        var normalized = new TaskOverride
        {
            ContainerOverrides = containers
                .Select(c => given.FirstOrDefault(x => x.Name == c.Name) ?? new ContainerOverride { Name = c.Name })
                .ToList(),
            Cpu = overrides?.Cpu,
            Memory = overrides?.Memory,
            TaskRoleArn = overrides?.TaskRoleArn,
            ExecutionRoleArn = overrides?.ExecutionRoleArn,
            EphemeralStorage = overrides?.EphemeralStorage,
            InferenceAcceleratorOverrides = overrides?.InferenceAcceleratorOverrides ?? [],
        };
        overridesJson = JsonSerializer.SerializeToNode(normalized, AwsJson.Options)!.AsObject();
    }

    public TaskDefinitionRecord Record { get; }

    /// <summary>The registered wire definition.</summary>
    public TaskDefinition Definition { get; }

    /// <summary>bridge (the default), host, none or awsvpc.</summary>
    public string NetworkMode { get; }

    public IReadOnlyList<BlueprintContainer> Containers { get; }

    /// <summary>Task-level CPU units after overrides, when set.</summary>
    public int? TaskCpu { get; }

    /// <summary>Task-level memory (MiB) after overrides, when set.</summary>
    public int? TaskMemory { get; }

    /// <summary>CPU units one task reserves on its instance.</summary>
    public int ReservedCpu { get; }

    /// <summary>Memory (MiB) one task reserves on its instance.</summary>
    public int ReservedMemory { get; }

    /// <summary>Host ports one task binds whatever instance it lands on (bridge <c>hostPort</c> ≠ 0; every port in host mode).</summary>
    public IReadOnlyList<HostPort> StaticHostPorts { get; }

    /// <summary>The definition's <c>requiresAttributes</c>.</summary>
    public IReadOnlyList<RequiredAttribute> RequiredAttributes { get; }

    /// <summary>The definition's <c>placementConstraints</c>.</summary>
    public IReadOnlyList<PlacementConstraint> Constraints { get; }

    public static TaskBlueprint Create(TaskDefinitionRecord record, TaskOverride? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var definition = JsonSerializer.Deserialize<TaskDefinition>(record.Definition, AwsJson.Options)
            ?? throw new InvalidOperationException($"Task definition {record.Arn} has no body.");
        return new TaskBlueprint(record, definition, overrides);
    }

    /// <summary>The scheduler's request for <paramref name="count"/> tasks of this blueprint.</summary>
    public PlacementRequest ToPlacementRequest(
        NewTaskOptions options,
        int count,
        IReadOnlyList<PlacementConstraint> constraints,
        IReadOnlyList<Scheduling.Model.PlacementStrategy>? strategies,
        PlacementOrigin origin = PlacementOrigin.RunTask)
    {
        var fargate = options.LaunchType == FargateCapacity.LaunchType;
        return new()
        {
            Cpu = ReservedCpu,
            Memory = ReservedMemory,
            StaticHostPorts = StaticHostPorts,
            SubnetZones = options.Network?.Zones,
            Group = options.Group,
            TaskDefinitionFamily = Record.Family,
            StartedBy = options.StartedBy,
            // Fargate takes no placement constraints or strategies: its tasks spread across the zones.
            Constraints = fargate ? [] : constraints,
            TaskDefinitionConstraints = fargate ? [] : Constraints,
            RequiredAttributes = RequiredAttributes,
            Strategies = fargate ? FargateStrategies : strategies,
            Origin = origin,
            Count = count,
        };
    }

    private static readonly IReadOnlyList<Scheduling.Model.PlacementStrategy> FargateStrategies =
        [Scheduling.Model.PlacementStrategy.SpreadAttribute(SubnetZones.ZoneAttribute), Scheduling.Model.PlacementStrategy.SpreadInstanceId];

    /// <summary>
    /// A new task of this blueprint placed on <paramref name="instance"/>: PROVISIONING, wanted RUNNING;
    /// an <c>awsvpc</c> task with its interface in the subnet of the instance's zone.
    /// </summary>
    public TaskRecord NewTask(
        ArnFormatter arns,
        EcsIdGenerator ids,
        ClusterRecord cluster,
        InstanceSnapshot instance,
        NewTaskOptions options,
        DateTimeOffset now)
    {
        var id = ids.NewTaskId();
        return new TaskRecord
        {
            Arn = arns.TaskArn(cluster.Name, id),
            Id = id,
            ClusterArn = cluster.Arn,
            TaskDefinitionArn = Record.Arn,
            Family = Record.Family,
            Revision = Record.Revision,
            ContainerInstanceArn = instance.ContainerInstanceArn,
            LastStatus = TaskStatuses.Provisioning,
            DesiredStatus = TaskStatuses.Running,
            LaunchType = options.LaunchType,
            CapacityProviderName = options.CapacityProviderName,
            PlatformVersion = options.PlatformVersion,
            StartedBy = options.StartedBy,
            Group = options.Group,
            AvailabilityZone = instance.Attributes.TryGetValue("ecs.availability-zone", out var zone) ? zone : null,
            Cpu = Format(TaskCpu),
            Memory = Format(TaskMemory),
            ReservedCpu = ReservedCpu,
            ReservedMemory = ReservedMemory,
            ReservedPorts = StaticHostPorts.Select(HostPorts.Format).ToList(),
            CreatedAt = now,
            Overrides = overridesJson.DeepClone().AsObject(),
            Containers = Containers.Select(c => new TaskContainerRecord
            {
                ContainerArn = arns.ContainerArn(cluster.Name, id, ids.NewContainerId()),
                Name = c.Name,
                Image = c.Definition.Image ?? string.Empty,
                LastStatus = TaskStatuses.Pending,
                Cpu = Format(c.Cpu),
                Memory = Format(c.Memory),
                MemoryReservation = Format(c.MemoryReservation),
                Essential = c.Definition.Essential ?? true,
            }).ToList(),
            EnableExecuteCommand = options.EnableExecuteCommand,
            ServiceArn = options.ServiceArn,
            DeploymentId = options.DeploymentId,
            NetworkInterface = options.Network?.NewInterface(instance, ids.NewContainerId(), ids.NewTaskId()),
        };
    }

    private static List<HostPort> FindStaticPorts(string networkMode, List<BlueprintContainer> containers)
    {
        var ports = new List<HostPort>();
        if (networkMode is not ("bridge" or "host"))
        {
            // none binds nothing; awsvpc tasks get their own interface, not host ports.
            return ports;
        }

        foreach (var mapping in containers.SelectMany(c => c.Definition.PortMappings ?? []))
        {
            var port = networkMode == "host" ? mapping.HostPort is > 0 ? mapping.HostPort : mapping.ContainerPort : mapping.HostPort;
            if (port is > 0 && HostPorts.TryParseProtocol(mapping.Protocol, out var protocol))
            {
                var hostPort = new HostPort(port.Value, protocol);
                if (!ports.Contains(hostPort))
                {
                    ports.Add(hostPort);
                }
            }
        }

        return ports;
    }

    private static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
