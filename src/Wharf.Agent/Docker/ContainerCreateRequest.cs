namespace Wharf.Agent.Docker;

/// <summary>Everything needed to create one container, already translated from the task definition.</summary>
internal sealed record ContainerCreateRequest
{
    public required string Name { get; init; }
    public required string Image { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    /// <summary><c>KEY=value</c> entries.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];
    public IReadOnlyList<string>? Cmd { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public string? WorkingDir { get; init; }
    public string? User { get; init; }
    public string? Hostname { get; init; }
    public long CpuShares { get; init; }
    public long? MemoryBytes { get; init; }
    public long? MemoryReservationBytes { get; init; }
    /// <summary><c>bridge</c>, <c>host</c>, <c>none</c>, a network name, or <c>container:    /// <summary><c>bridge</c>, <c>host</c> or <c>none</c>.</summary>lt;id    /// <summary><c>bridge</c>, <c>host</c> or <c>none</c>.</summary>gt;</c> (an awsvpc task container joining its pause container).</summary>
    public string NetworkMode { get; init; } = "bridge";
    /// <summary><c>dockerName:alias</c> entries.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];
    public IReadOnlyList<string> Dns { get; init; } = [];
    public IReadOnlyList<PortBinding> PortBindings { get; init; } = [];
    /// <summary><c>source:target[:ro]</c> entries; the source is a host path or a volume name.</summary>
    public IReadOnlyList<string> Binds { get; init; } = [];
    public HealthCheckConfig? HealthCheck { get; init; }
    public IReadOnlyList<(string Name, long Soft, long Hard)> Ulimits { get; init; } = [];
    public bool Privileged { get; init; }
    public bool ReadonlyRootfs { get; init; }
    public bool OpenStdin { get; init; }
    public bool Tty { get; init; }
}
