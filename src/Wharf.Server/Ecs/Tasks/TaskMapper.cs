using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;
using WireTask = Wharf.Protocol.Generated.Ecs.Task;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// A task record as the ECS API returns it (DescribeTasks, RunTask, StartTask, StopTask): the
/// containers with their bindings and exit codes, the echoed <c>overrides</c>, the timestamps ECS
/// fills in, and what comes from the instance (availability zone, CPU architecture, capacity provider).
/// </summary>
internal static class TaskMapper
{
    public const string CpuArchitectureAttribute = "ecs.cpu-architecture";
    public const string AvailabilityZoneAttribute = "ecs.availability-zone";

    /// <param name="task">The record.</param>
    /// <param name="instance">The instance it runs on, when known.</param>
    /// <param name="tags">Included when not null.</param>
    public static WireTask ToWire(TaskRecord task, ContainerInstanceRecord? instance, List<Tag>? tags) => new()
    {
        TaskArn = task.Arn,
        ClusterArn = task.ClusterArn,
        TaskDefinitionArn = task.TaskDefinitionArn,
        ContainerInstanceArn = task.ContainerInstanceArn,
        Overrides = WireJson.FromNode<TaskOverride>(task.Overrides) ?? new TaskOverride { ContainerOverrides = [], InferenceAcceleratorOverrides = [] },
        LastStatus = task.LastStatus,
        DesiredStatus = task.DesiredStatus,
        Cpu = task.Cpu,
        Memory = task.Memory,
        Containers = task.Containers.Select(c => ToWire(task, c)).ToList(),
        StartedBy = task.StartedBy,
        Version = task.Version,
        StopCode = task.StopCode,
        StoppedReason = task.StoppedReason,
        Connectivity = task.ConnectivityAt is null ? null : "CONNECTED",
        ConnectivityAt = task.ConnectivityAt,
        PullStartedAt = task.PullStartedAt,
        PullStoppedAt = task.PullStoppedAt,
        ExecutionStoppedAt = task.ExecutionStoppedAt,
        CreatedAt = task.CreatedAt,
        StartedAt = task.StartedAt,
        StoppingAt = task.StoppingAt,
        StoppedAt = task.StoppedAt,
        Group = task.Group,
        LaunchType = task.LaunchType,
        AvailabilityZone = task.AvailabilityZone ?? Attribute(instance, AvailabilityZoneAttribute),
        CapacityProviderName = instance?.CapacityProviderName,
        Attributes = Attribute(instance, CpuArchitectureAttribute) is { } architecture
            ? [new Protocol.Generated.Ecs.Attribute { Name = CpuArchitectureAttribute, Value = architecture }]
            : null,
        HealthStatus = task.HealthStatus,
        EnableExecuteCommand = task.EnableExecuteCommand,
        Attachments = [],
        Tags = tags,
    };

    private static Container ToWire(TaskRecord task, TaskContainerRecord container) => new()
    {
        ContainerArn = container.ContainerArn,
        TaskArn = task.Arn,
        Name = container.Name,
        Image = container.Image,
        ImageDigest = container.ImageDigest,
        RuntimeId = container.RuntimeId,
        LastStatus = container.LastStatus,
        ExitCode = container.ExitCode,
        Reason = container.Reason,
        NetworkBindings = container.NetworkBindings
            .Select(b => new NetworkBinding { BindIP = b.BindIP, ContainerPort = b.ContainerPort, HostPort = b.HostPort, Protocol = b.Protocol })
            .ToList(),
        NetworkInterfaces = [],
        HealthStatus = container.HealthStatus,
        Cpu = container.Cpu ?? "0",
        Memory = container.Memory,
        MemoryReservation = container.MemoryReservation,
    };

    private static string? Attribute(ContainerInstanceRecord? instance, string name) =>
        instance?.Attributes.FirstOrDefault(a => a.Name == name)?.Value;
}
