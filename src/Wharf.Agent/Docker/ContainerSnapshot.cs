namespace Wharf.Agent.Docker;

/// <summary>A container as the engine describes it at one instant (from inspect).</summary>
internal sealed record ContainerSnapshot
{
    public required string Id { get; init; }
    /// <summary>Name without the leading slash.</summary>
    public required string Name { get; init; }
    /// <summary>The image reference it was created from.</summary>
    public required string Image { get; init; }
    /// <summary>The image id (<c>sha256:…</c>).</summary>
    public string? ImageId { get; init; }
    /// <summary>Docker's status word: <c>created</c>, <c>running</c>, <c>paused</c>, <c>restarting</c>, <c>removing</c>, <c>exited</c>, <c>dead</c>.</summary>
    public required string Status { get; init; }
    public int? ExitCode { get; init; }
    public bool OomKilled { get; init; }
    /// <summary>An error the engine recorded (for example why a start failed).</summary>
    public string? Error { get; init; }
    /// <summary><c>starting</c>, <c>healthy</c>, <c>unhealthy</c>; null without a health check.</summary>
    public string? Health { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    /// <summary>Published ports (IPv4 bindings only).</summary>
    public IReadOnlyList<PortBinding> PortBindings { get; init; } = [];
    /// <summary>
    /// The IPv4 address while the container runs: on Docker's default bridge network, or on the
    /// network it alone is attached to (an awsvpc pause container's subnet network).
    /// </summary>
    public string? Ipv4Address { get; init; }
    /// <summary>The MAC address of the same endpoint as <see cref="Ipv4Address"/>.</summary>
    public string? MacAddress { get; init; }
    /// <summary>The signal that stops it (the image's <c>STOPSIGNAL</c>); null when Docker's default, SIGTERM.</summary>
    public string? StopSignal { get; init; }

    /// <summary>True once the container's process has ended (or can never run).</summary>
    public bool HasExited => Status is "exited" or "dead";

    /// <summary>True while the container's process exists.</summary>
    public bool IsRunning => Status is "running" or "paused" or "restarting";
}
