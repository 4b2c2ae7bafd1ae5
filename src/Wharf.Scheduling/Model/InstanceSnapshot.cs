namespace Wharf.Scheduling.Model;

/// <summary>
/// An immutable view of one container instance at the moment a scheduler reads the cluster.
/// Resources are what ECS reports as <c>registeredResources</c> and <c>remainingResources</c>;
/// remaining already accounts for the tasks listed in <see cref="Tasks"/>.
/// </summary>
public sealed record InstanceSnapshot
{
    /// <summary>The long-format container instance ARN.</summary>
    public required string ContainerInstanceArn { get; init; }

    /// <summary>The container instance id (32 hex digits), the last part of the ARN.</summary>
    public required string Id { get; init; }

    /// <summary>The host's instance id (what <c>ec2InstanceId</c> reports and queries match).</summary>
    public string? Ec2InstanceId { get; init; }

    /// <summary>The instance status.</summary>
    public InstanceStatus Status { get; init; } = InstanceStatus.Active;

    /// <summary>Whether the agent is connected; only connected instances accept placements.</summary>
    public bool AgentConnected { get; init; } = true;

    /// <summary>The agent version, compared by <c>agentVersion</c> queries.</summary>
    public string? AgentVersion { get; init; }

    /// <summary>When the instance registered, compared by <c>registeredAt</c> queries.</summary>
    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Attributes by name; a null value is a value-less attribute (it exists, but has no value).</summary>
    public IReadOnlyDictionary<string, string?> Attributes { get; init; } = EmptyAttributes;

    /// <summary>Registered CPU units (1024 per core).</summary>
    public int RegisteredCpu { get; init; }

    /// <summary>Registered memory in MiB.</summary>
    public int RegisteredMemory { get; init; }

    /// <summary>CPU units not reserved by tasks.</summary>
    public int RemainingCpu { get; init; }

    /// <summary>Memory in MiB not reserved by tasks.</summary>
    public int RemainingMemory { get; init; }

    /// <summary>Host TCP ports in use (reserved by the agent or bound by tasks).</summary>
    public IReadOnlyCollection<int> UsedTcpPorts { get; init; } = [];

    /// <summary>Host UDP ports in use.</summary>
    public IReadOnlyCollection<int> UsedUdpPorts { get; init; } = [];

    /// <summary>Tasks in <c>RUNNING</c>.</summary>
    public int RunningTasksCount { get; init; }

    /// <summary>Tasks in <c>PENDING</c>.</summary>
    public int PendingTasksCount { get; init; }

    /// <summary>The tasks on the instance whose desired status is RUNNING.</summary>
    public IReadOnlyList<TaskOnInstance> Tasks { get; init; } = [];

    private static readonly IReadOnlyDictionary<string, string?> EmptyAttributes = new Dictionary<string, string?>();
}
