namespace Wharf.Agent;

/// <summary>How a <c>wharf agent</c> runs: which server it joins, as what, and on which Docker Engine.</summary>
public sealed record AgentOptions
{
    /// <summary>The server's API address (<c>http://127.0.0.1:4566</c>); the agent channel is <c>ws(s)://…/agent/v1/connect</c> on it.</summary>
    public required Uri ServerUrl { get; init; }

    /// <summary>Cluster name or ARN to register in.</summary>
    public string Cluster { get; init; } = "default";

    /// <summary>
    /// <c>FARGATE</c>: the agent serves as Wharf's Fargate capacity (it runs the FARGATE tasks of
    /// every cluster and is no container instance of <see cref="Cluster"/>); null: a container instance.
    /// </summary>
    public string? Capacity { get; init; }

    /// <summary>Sent as <c>X-Wharf-Join-Token</c>.</summary>
    public required string JoinToken { get; init; }

    /// <summary>Where <c>agent.json</c> (the instance id and container instance ARN) lives.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The <c>ecs.availability-zone</c> attribute; <c>&lt;Region&gt;a</c> when null.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>The region, for the default availability zone.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Custom attributes advertised next to the <c>ecs.*</c> ones.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>ecs.instance-type</c> attribute.</summary>
    public string InstanceType { get; init; } = "wharf.host";

    /// <summary>The Docker Engine API endpoint.</summary>
    public string DockerEndpoint { get; init; } = "unix:///var/run/docker.sock";

    /// <summary>CPU units to advertise instead of 1024 per core.</summary>
    public int? CpuUnits { get; init; }

    /// <summary>Memory MiB to advertise instead of the host's total minus <see cref="ReservedMemoryMiB"/>.</summary>
    public int? MemoryMiB { get; init; }

    /// <summary>Memory kept back from tasks for the host itself.</summary>
    public int ReservedMemoryMiB { get; init; }

    /// <summary>How long a stopped task's containers are kept (for logs and inspection) before removal.</summary>
    public TimeSpan ContainerCleanupDelay { get; init; } = TimeSpan.FromHours(3);

    /// <summary>
    /// The image of awsvpc tasks' pause containers. When the Docker Engine lacks it, the agent builds
    /// it from the host's static busybox (<c>/bin/busybox</c>, Debian's <c>busybox-static</c>).
    /// </summary>
    public string PauseImage { get; init; } = Engine.PauseImageBuilder.DefaultImage;

    /// <summary>The address at which this host's published ports are reachable from the server; null lets the server decide.</summary>
    public string? HostAddress { get; init; }
}
