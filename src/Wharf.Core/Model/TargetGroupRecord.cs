namespace Wharf.Core.Model;

/// <summary>A target group with its health check settings (already filled with AWS's defaults).</summary>
public sealed record TargetGroupRecord
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>HTTP or HTTPS.</summary>
    public required string Protocol { get; init; }
    public string ProtocolVersion { get; init; } = "HTTP1";
    public required int Port { get; init; }
    public required string VpcId { get; init; }
    /// <summary>instance or ip.</summary>
    public required string TargetType { get; init; }
    public string IpAddressType { get; init; } = "ipv4";
    public required HealthCheckSettings HealthCheck { get; init; }
    /// <summary>Target group attributes that differ from or add to AWS's defaults.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}

/// <summary>How a target group checks its targets.</summary>
public sealed record HealthCheckSettings
{
    public bool Enabled { get; init; } = true;
    public string Protocol { get; init; } = "HTTP";
    /// <summary>A port number, or <c>traffic-port</c> for the target's own port.</summary>
    public string Port { get; init; } = "traffic-port";
    public string Path { get; init; } = "/";
    public int IntervalSeconds { get; init; } = 30;
    public int TimeoutSeconds { get; init; } = 5;
    public int HealthyThreshold { get; init; } = 5;
    public int UnhealthyThreshold { get; init; } = 2;
    /// <summary>HTTP codes as ELBv2 writes them: <c>200</c>, <c>200,302</c>, <c>200-299</c>.</summary>
    public string Matcher { get; init; } = "200";
}
