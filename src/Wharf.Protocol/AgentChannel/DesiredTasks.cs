namespace Wharf.Protocol.AgentChannel;

/// <summary>
/// The complete set of tasks the server wants on this container instance, level-triggered:
/// the agent converges on it. A task the agent runs that is not in the set is stale (for
/// example, the server replaced it while this agent was away) and is stopped and removed.
/// A task with <see cref="TaskSpec.DesiredStatus"/> <c>STOPPED</c> is stopped; it leaves the set
/// once the server has recorded its <c>STOPPED</c> report.
/// </summary>
public sealed record DesiredTasks
{
    /// <summary>Grows with every change the server makes to this instance's set.</summary>
    public required long Generation { get; init; }

    /// <summary>The tasks.</summary>
    public required IReadOnlyList<TaskSpec> Tasks { get; init; }
}

/// <summary>A task as the agent needs it: what to run, and whether it should run.</summary>
public sealed record TaskSpec
{
    /// <summary>Long-format task ARN; also the container label <c>com.amazonaws.ecs.task-arn</c>.</summary>
    public required string TaskArn { get; init; }

    /// <summary>Cluster ARN.</summary>
    public required string ClusterArn { get; init; }

    /// <summary>Task definition family.</summary>
    public required string Family { get; init; }

    /// <summary>Task definition revision.</summary>
    public required int Revision { get; init; }

    /// <summary><c>RUNNING</c> or <c>STOPPED</c>.</summary>
    public required string DesiredStatus { get; init; }

    /// <summary><c>bridge</c> (default), <c>host</c>, <c>none</c> or <c>awsvpc</c>.</summary>
    public string NetworkMode { get; init; } = "bridge";

    /// <summary>
    /// For <c>awsvpc</c>: the task's elastic network interface, which the agent builds as a pause
    /// container on the Docker bridge network of the subnet (every task container joins its
    /// network namespace). Null for the other network modes.
    /// </summary>
    public AwsvpcSpec? Awsvpc { get; init; }

    /// <summary>Task-level CPU units, if set.</summary>
    public int? Cpu { get; init; }

    /// <summary>Task-level memory MiB, if set.</summary>
    public int? Memory { get; init; }

    /// <summary>The containers, in definition order.</summary>
    public required IReadOnlyList<ContainerSpec> Containers { get; init; }

    /// <summary>Volumes referenced by the containers' mount points.</summary>
    public IReadOnlyList<VolumeSpec> Volumes { get; init; } = [];

    /// <summary>DNS server containers should use, when the server provides service discovery.</summary>
    public IReadOnlyList<string> DnsServers { get; init; } = [];
}

/// <summary>
/// The elastic network interface of an <c>awsvpc</c> task. The agent keeps one Docker bridge
/// network per subnet, named <c>wharf-{SubnetId}</c>, with the subnet's CIDR block (Docker's
/// address management then hands out the interface's private address), and puts the task's
/// pause container on it.
/// </summary>
public sealed record AwsvpcSpec
{
    /// <summary>The task's ENI attachment id (a UUID), as DescribeTasks shows it.</summary>
    public required string AttachmentId { get; init; }

    /// <summary><c>eni-…</c>.</summary>
    public required string NetworkInterfaceId { get; init; }

    /// <summary><c>subnet-…</c>, one of the service's or RunTask's subnets in this instance's zone.</summary>
    public required string SubnetId { get; init; }

    /// <summary>The subnet's IPv4 CIDR block, e.g. <c>172.31.0.0/20</c>.</summary>
    public required string SubnetCidr { get; init; }
}

/// <summary>One container of a <see cref="TaskSpec"/>, with overrides already applied.</summary>
public sealed record ContainerSpec
{
    public required string Name { get; init; }
    public required string Image { get; init; }
    public int Cpu { get; init; }
    /// <summary>Hard limit MiB.</summary>
    public int? Memory { get; init; }
    /// <summary>Soft limit MiB.</summary>
    public int? MemoryReservation { get; init; }
    public bool Essential { get; init; } = true;
    public IReadOnlyList<string>? Command { get; init; }
    public IReadOnlyList<string>? EntryPoint { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string? WorkingDirectory { get; init; }
    public string? User { get; init; }
    public string? Hostname { get; init; }
    public IReadOnlyDictionary<string, string> DockerLabels { get; init; } = new Dictionary<string, string>();
    /// <summary><c>name</c> or <c>name:alias</c> of other containers in the task (bridge mode).</summary>
    public IReadOnlyList<string> Links { get; init; } = [];
    public IReadOnlyList<PortMappingSpec> PortMappings { get; init; } = [];
    public IReadOnlyList<MountPointSpec> MountPoints { get; init; } = [];
    public IReadOnlyList<DependencySpec> DependsOn { get; init; } = [];
    public HealthCheckSpec? HealthCheck { get; init; }
    /// <summary>Seconds between SIGTERM and SIGKILL; the agent's default (30) when null.</summary>
    public int? StopTimeout { get; init; }
    /// <summary>Seconds to wait for dependencies to resolve before giving up.</summary>
    public int? StartTimeout { get; init; }
    public bool ReadonlyRootFilesystem { get; init; }
    public bool Privileged { get; init; }
    public bool Interactive { get; init; }
    public bool PseudoTerminal { get; init; }
    public IReadOnlyList<UlimitSpec> Ulimits { get; init; } = [];
    /// <summary>The definition's log configuration (driver and options), stored; shipping comes later.</summary>
    public LogConfigurationSpec? LogConfiguration { get; init; }
}

public sealed record PortMappingSpec
{
    public required int ContainerPort { get; init; }
    /// <summary>0 or null: the agent picks a free port in the ECS ephemeral range 49153–65535.</summary>
    public int? HostPort { get; init; }
    /// <summary><c>tcp</c> or <c>udp</c>.</summary>
    public string Protocol { get; init; } = "tcp";
}

public sealed record MountPointSpec(string SourceVolume, string ContainerPath, bool ReadOnly);

/// <summary>A <c>dependsOn</c> entry; condition is START, COMPLETE, SUCCESS or HEALTHY.</summary>
public sealed record DependencySpec(string ContainerName, string Condition);

/// <summary>Docker health check, in seconds as ECS writes it.</summary>
public sealed record HealthCheckSpec
{
    /// <summary><c>["CMD-SHELL", "..."]</c> or <c>["CMD", ...]</c>.</summary>
    public required IReadOnlyList<string> Command { get; init; }
    public int Interval { get; init; } = 30;
    public int Timeout { get; init; } = 5;
    public int Retries { get; init; } = 3;
    public int StartPeriod { get; init; }
}

public sealed record UlimitSpec(string Name, int SoftLimit, int HardLimit);

public sealed record LogConfigurationSpec
{
    public required string LogDriver { get; init; }
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
}

/// <summary>A task volume: a host path, a Docker volume, or (neither) an empty task-scoped volume.</summary>
public sealed record VolumeSpec
{
    public required string Name { get; init; }
    /// <summary>Bind mount source on the host.</summary>
    public string? HostSourcePath { get; init; }
    public DockerVolumeSpec? DockerVolume { get; init; }
}

public sealed record DockerVolumeSpec
{
    /// <summary><c>task</c> (removed with the task) or <c>shared</c>.</summary>
    public string Scope { get; init; } = "task";
    public bool Autoprovision { get; init; }
    public string? Driver { get; init; }
    public IReadOnlyDictionary<string, string> DriverOpts { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
