namespace Wharf.Protocol.AgentChannel;

/// <summary>
/// A batch of task state changes, sent with an <see cref="AgentMessage.Id"/> and resent
/// (same id, same content) until the server acks it. Reports are idempotent on the server:
/// a report never moves a task's <c>lastStatus</c> backwards.
/// </summary>
public sealed record TaskStateBatch
{
    public required IReadOnlyList<TaskStateReport> Tasks { get; init; }
}

/// <summary>What the agent knows of one task right now.</summary>
public sealed record TaskStateReport
{
    public required string TaskArn { get; init; }

    /// <summary>
    /// The agent-side task status: <c>PENDING</c> (pulling/creating), <c>ACTIVATING</c>,
    /// <c>RUNNING</c> (every essential container running), <c>DEACTIVATING</c>, <c>STOPPING</c>,
    /// <c>DEPROVISIONING</c>, <c>STOPPED</c> (every container stopped and removed or never created).
    /// </summary>
    public required string LastStatus { get; init; }

    /// <summary>Why the task stopped when the agent stopped it on its own, e.g.
    /// <c>Essential container in task exited</c> or <c>CannotPullContainerError: ...</c>.</summary>
    public string? StoppedReason { get; init; }

    /// <summary>
    /// <c>EssentialContainerExited</c> or <c>TaskFailedToStart</c> when the agent stopped
    /// the task on its own; null when it stopped because the server asked.
    /// </summary>
    public string? StopCode { get; init; }

    public DateTimeOffset? PullStartedAt { get; init; }
    public DateTimeOffset? PullStoppedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? ExecutionStoppedAt { get; init; }

    /// <summary>Task health: <c>HEALTHY</c>, <c>UNHEALTHY</c> or <c>UNKNOWN</c> (from essential containers' health).</summary>
    public string? HealthStatus { get; init; }

    public IReadOnlyList<ContainerStateReport> Containers { get; init; } = [];

    /// <summary>
    /// For an <c>awsvpc</c> task, its interface once the pause container runs on the subnet's
    /// network: the address every container of the task answers on, and the interface's MAC.
    /// </summary>
    public NetworkInterfaceReport? NetworkInterface { get; init; }
}

/// <summary>The elastic network interface of an <c>awsvpc</c> task as built on the host.</summary>
public sealed record NetworkInterfaceReport(string PrivateIpv4Address, string MacAddress);

/// <summary>One container's state.</summary>
public sealed record ContainerStateReport
{
    public required string Name { get; init; }

    /// <summary>Docker container id, once created.</summary>
    public string? RuntimeId { get; init; }

    /// <summary>Image digest the container runs, once known.</summary>
    public string? ImageDigest { get; init; }

    /// <summary><c>PENDING</c>, <c>RUNNING</c> or <c>STOPPED</c>.</summary>
    public required string LastStatus { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>Why it stopped or failed, e.g. <c>CannotPullContainerError: ...</c>, <c>OutOfMemoryError: Container killed due to memory usage</c>.</summary>
    public string? Reason { get; init; }

    /// <summary><c>HEALTHY</c>, <c>UNHEALTHY</c> or <c>UNKNOWN</c>.</summary>
    public string? HealthStatus { get; init; }

    public IReadOnlyList<NetworkBindingReport> NetworkBindings { get; init; } = [];

    /// <summary>
    /// The container's IPv4 address on the Docker bridge network, once inspected running; for an
    /// <c>awsvpc</c> task, the interface's private address (the pause container's).
    /// </summary>
    public string? Ipv4Address { get; init; }
}

public sealed record NetworkBindingReport(string BindIP, int ContainerPort, int HostPort, string Protocol);
