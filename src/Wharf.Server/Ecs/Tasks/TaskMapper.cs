using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ec2;
using Wharf.Server.Ecs.Common;
using KeyValuePair = Wharf.Protocol.Generated.Ecs.KeyValuePair;
using WireTask = Wharf.Protocol.Generated.Ecs.Task;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// A task record as the ECS API returns it (DescribeTasks, RunTask, StartTask, StopTask): the
/// containers with their bindings and exit codes, the echoed <c>overrides</c>, the timestamps ECS
/// fills in, what comes from the instance (availability zone, CPU architecture, capacity provider),
/// and an awsvpc task's ENI attachment.
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
        // A Fargate task's host is Wharf's, not a container instance of the cluster: ECS shows none.
        ContainerInstanceArn = IsFargate(task) ? null : task.ContainerInstanceArn,
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
        CapacityProviderName = IsFargate(task) ? task.CapacityProviderName : instance?.CapacityProviderName,
        PlatformVersion = IsFargate(task) ? task.PlatformVersion ?? FargateCapacity.PlatformVersion : null,
        PlatformFamily = IsFargate(task) ? FargateCapacity.PlatformFamily : null,
        EphemeralStorage = IsFargate(task) ? new EphemeralStorage { SizeInGiB = FargateEphemeralStorageGiB } : null,
        Attributes = Attribute(instance, CpuArchitectureAttribute) is { } architecture
            ? [new Protocol.Generated.Ecs.Attribute { Name = CpuArchitectureAttribute, Value = architecture }]
            : null,
        HealthStatus = task.HealthStatus,
        EnableExecuteCommand = task.EnableExecuteCommand,
        Attachments = task.NetworkInterface is { } eni ? [ToWire(task, eni)] : [],
        Tags = tags,
    };

    /// <summary>The ephemeral storage Fargate gives a task by default (platform version 1.4.0).</summary>
    public const int FargateEphemeralStorageGiB = 20;

    private static bool IsFargate(TaskRecord task) => task.LaunchType == FargateCapacity.LaunchType;

    /// <summary>
    /// The ENI attachment as ECS shows it: the subnet and interface from placement, the MAC,
    /// private DNS name and address once the agent has built the interface.
    /// </summary>
    private static Attachment ToWire(TaskRecord task, TaskNetworkInterfaceRecord eni)
    {
        var details = new List<KeyValuePair>
        {
            new() { Name = "subnetId", Value = eni.SubnetId },
            new() { Name = "networkInterfaceId", Value = eni.NetworkInterfaceId },
        };
        if (eni.MacAddress is { } mac)
        {
            details.Add(new KeyValuePair { Name = "macAddress", Value = mac });
        }

        if (eni.PrivateIpv4Address is { } address)
        {
            details.Add(new KeyValuePair { Name = "privateDnsName", Value = DefaultNetwork.PrivateDnsName(address, RegionOf(task.Arn)) });
            details.Add(new KeyValuePair { Name = "privateIPv4Address", Value = address });
        }

        return new Attachment { Id = eni.AttachmentId, Type = "ElasticNetworkInterface", Status = eni.Status, Details = details };
    }

    /// <summary>The region of an ARN (<c>arn:aws:ecs:{region}:…</c>).</summary>
    private static string RegionOf(string arn) => arn.Split(':') is { Length: > 3 } parts ? parts[3] : "us-east-1";

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
        // An awsvpc task's containers listen on its interface, not on host ports.
        NetworkBindings = task.NetworkInterface is not null
            ? []
            : container.NetworkBindings
                .Select(b => new NetworkBinding { BindIP = b.BindIP, ContainerPort = b.ContainerPort, HostPort = b.HostPort, Protocol = b.Protocol })
                .ToList(),
        NetworkInterfaces = task.NetworkInterface is { PrivateIpv4Address: { } ip } eni
            ? [new NetworkInterface { AttachmentId = eni.AttachmentId, PrivateIpv4Address = ip }]
            : [],
        HealthStatus = container.HealthStatus,
        Cpu = container.Cpu ?? "0",
        Memory = container.Memory,
        MemoryReservation = container.MemoryReservation,
    };

    private static string? Attribute(ContainerInstanceRecord? instance, string name) =>
        instance?.Attributes.FirstOrDefault(a => a.Name == name)?.Value;
}
