using System.Text.Json.Nodes;

namespace Wharf.Core.Model;

/// <summary>
/// A task as the control plane tracks it. <see cref="LastStatus"/> only moves forward
/// (see <c>Wharf.Core.Status</c>); <see cref="DesiredStatus"/> is what the scheduler or user wants.
/// The reserved resources are what placement charged the container instance.
/// </summary>
public sealed record TaskRecord
{
    public required string Arn { get; init; }
    public required string Id { get; init; }
    public required string ClusterArn { get; init; }
    public required string TaskDefinitionArn { get; init; }
    public required string Family { get; init; }
    public required int Revision { get; init; }
    public string? ContainerInstanceArn { get; init; }
    public required string LastStatus { get; init; }
    public required string DesiredStatus { get; init; }
    public string LaunchType { get; init; } = "EC2";
    /// <summary>FARGATE or FARGATE_SPOT for a task started through a capacity provider strategy; null otherwise.</summary>
    public string? CapacityProviderName { get; init; }
    /// <summary>The Fargate platform version the task runs on (1.4.0 or 1.3.0); null for the other launch types.</summary>
    public string? PlatformVersion { get; init; }
    public string? StartedBy { get; init; }
    public string? Group { get; init; }
    public string? AvailabilityZone { get; init; }
    /// <summary>Task-level cpu/memory as ECS reports them (strings, e.g. "256").</summary>
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public int ReservedCpu { get; init; }
    public int ReservedMemory { get; init; }
    /// <summary>Static host ports this task holds on its instance, as "80/tcp".</summary>
    public IReadOnlyList<string> ReservedPorts { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PullStartedAt { get; init; }
    public DateTimeOffset? PullStoppedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? StoppingAt { get; init; }
    public DateTimeOffset? StoppedAt { get; init; }
    public DateTimeOffset? ExecutionStoppedAt { get; init; }
    public DateTimeOffset? ConnectivityAt { get; init; }
    public string? StopCode { get; init; }
    public string? StoppedReason { get; init; }
    /// <summary>HEALTHY, UNHEALTHY or UNKNOWN.</summary>
    public string HealthStatus { get; init; } = "UNKNOWN";
    /// <summary><c>overrides</c> as the API took them (wire JSON).</summary>
    public JsonObject? Overrides { get; init; }
    public required IReadOnlyList<TaskContainerRecord> Containers { get; init; }
    /// <summary>ECS's task <c>version</c>: grows on every change the API reports.</summary>
    public long Version { get; init; } = 1;
    public bool EnableExecuteCommand { get; init; }
    /// <summary>Service that owns the task (issue 3), if any.</summary>
    public string? ServiceArn { get; init; }
    /// <summary>Deployment that started the task (issue 3), if any.</summary>
    public string? DeploymentId { get; init; }
    /// <summary>Load balancer targets registered for the task (internal; ECS shows them only on the target group).</summary>
    public IReadOnlyList<TaskTargetRecord> Targets { get; init; } = [];
    /// <summary>Cloud Map instances registered for the task (internal).</summary>
    public IReadOnlyList<TaskRegistrationRecord> Registrations { get; init; } = [];
    /// <summary>
    /// While the task's targets drain after a stop was asked for, the agent keeps it running until
    /// this instant (the latest deregistration delay of its target groups).
    /// </summary>
    public DateTimeOffset? DrainUntil { get; init; }

    /// <summary>The elastic network interface of an <c>awsvpc</c> task; null for other network modes.</summary>
    public TaskNetworkInterfaceRecord? NetworkInterface { get; init; }

    /// <summary>True while a target or Cloud Map instance of the task is still registered.</summary>
    public bool HasLiveAttachments => Targets.Any(t => !t.Deregistered) || Registrations.Any(r => !r.Deregistered);
}

/// <summary>
/// The ENI attachment of an <c>awsvpc</c> task (DescribeTasks <c>attachments</c>, type
/// <c>ElasticNetworkInterface</c>). Placement chooses the subnet (one of the requested subnets in
/// the instance's zone); the agent's report fills in the address and MAC.
/// </summary>
public sealed record TaskNetworkInterfaceRecord
{
    /// <summary>The attachment id (a UUID).</summary>
    public required string AttachmentId { get; init; }

    /// <summary><c>PRECREATED</c>, <c>ATTACHED</c>, <c>DETACHED</c> or <c>DELETED</c>, as ECS reports them.</summary>
    public required string Status { get; init; }

    /// <summary><c>eni-…</c>.</summary>
    public required string NetworkInterfaceId { get; init; }

    public required string SubnetId { get; init; }

    /// <summary>The subnet's CIDR block, for the agent.</summary>
    public required string SubnetCidr { get; init; }

    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    /// <summary>The interface's private address, once the agent reports it.</summary>
    public string? PrivateIpv4Address { get; init; }

    public string? MacAddress { get; init; }
}

/// <summary>A container of a task.</summary>
public sealed record TaskContainerRecord
{
    public required string ContainerArn { get; init; }
    public required string Name { get; init; }
    public required string Image { get; init; }
    public string? ImageDigest { get; init; }
    public string? RuntimeId { get; init; }
    public required string LastStatus { get; init; }
    public int? ExitCode { get; init; }
    public string? Reason { get; init; }
    public string HealthStatus { get; init; } = "UNKNOWN";
    public IReadOnlyList<NetworkBindingRecord> NetworkBindings { get; init; } = [];
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public string? MemoryReservation { get; init; }
    public bool Essential { get; init; } = true;
    /// <summary>The container's IPv4 address on the Docker bridge network, as the agent inspected it (internal).</summary>
    public string? Ipv4Address { get; init; }
}

public sealed record NetworkBindingRecord(string BindIP, int ContainerPort, int HostPort, string Protocol);
