namespace Wharf.Protocol.AgentChannel;

/// <summary>
/// The agent's first message. An agent that registered before sends the
/// <see cref="ContainerInstanceArn"/> it was given (kept in its state directory) so the server
/// re-attaches it to the same container instance instead of creating a new one.
/// </summary>
public sealed record RegisterRequest
{
    /// <summary>Cluster name or ARN; <c>default</c> when empty.</summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// <c>FARGATE</c> for an agent that serves as Wharf's Fargate capacity (it joins the hidden pool
    /// and runs the FARGATE tasks of every cluster, <see cref="Cluster"/> is ignored); null for a
    /// container instance of <see cref="Cluster"/>.
    /// </summary>
    public string? Capacity { get; init; }

    /// <summary>The ARN from an earlier registration, if any.</summary>
    public string? ContainerInstanceArn { get; init; }

    /// <summary>A stable host id shown as <c>ec2InstanceId</c> (for example <c>i-0123456789abcdef0</c>).</summary>
    public required string Ec2InstanceId { get; init; }

    /// <summary>CPU units: 1024 per core.</summary>
    public required int Cpu { get; init; }

    /// <summary>Memory in MiB available to tasks.</summary>
    public required int MemoryMiB { get; init; }

    /// <summary>Host ports already taken on this host (by anything, not only tasks).</summary>
    public IReadOnlyList<int> ReservedPorts { get; init; } = [];

    /// <summary>Attributes: <c>ecs.os-type</c>, <c>ecs.cpu-architecture</c>, <c>ecs.availability-zone</c>, <c>ecs.instance-type</c>, custom ones.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>Wharf agent version.</summary>
    public required string AgentVersion { get; init; }

    /// <summary>Docker Engine version, as the engine reports it.</summary>
    public required string DockerVersion { get; init; }

    /// <summary>The address at which this host's published ports are reachable from the server (for load balancing).</summary>
    public string? HostAddress { get; init; }

    /// <summary>Current state of every task the agent still has containers for (re-adoption after a restart).</summary>
    public IReadOnlyList<TaskStateReport> Tasks { get; init; } = [];
}

/// <summary>The server's answer to <see cref="RegisterRequest"/>.</summary>
public sealed record RegisterResponse
{
    /// <summary>The container instance this agent now is.</summary>
    public required string ContainerInstanceArn { get; init; }

    /// <summary>The cluster ARN.</summary>
    public required string ClusterArn { get; init; }

    /// <summary>How often the agent sends a <see cref="Heartbeat"/>.</summary>
    public required int HeartbeatSeconds { get; init; }
}

/// <summary>Liveness and current free resources.</summary>
public sealed record Heartbeat
{
    /// <summary>When the agent sent it (its own clock).</summary>
    public DateTimeOffset SentAt { get; init; }
}

/// <summary>Why the server refused the agent.</summary>
public sealed record ErrorBody(string Code, string Message);
