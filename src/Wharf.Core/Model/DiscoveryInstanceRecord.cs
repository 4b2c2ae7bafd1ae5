namespace Wharf.Core.Model;

/// <summary>An instance registered with a Cloud Map service, with its attributes and health.</summary>
public sealed record DiscoveryInstanceRecord
{
    public required string ServiceId { get; init; }
    public required string Id { get; init; }
    public string? CreatorRequestId { get; init; }
    /// <summary>AWS_INSTANCE_IPV4, AWS_INSTANCE_IPV6, AWS_INSTANCE_PORT, AWS_INSTANCE_CNAME and custom ones.</summary>
    public required IReadOnlyDictionary<string, string> Attributes { get; init; }
    /// <summary>HEALTHY, UNHEALTHY or UNKNOWN.</summary>
    public required string HealthStatus { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>The ECS task this instance stands for, when the service scheduler registered it.</summary>
    public string? TaskArn { get; init; }
}
