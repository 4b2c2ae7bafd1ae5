namespace Wharf.Core.Model;

/// <summary>A Cloud Map service: the DNS records its instances publish and how their health is judged.</summary>
public sealed record DiscoveryServiceRecord
{
    public required string Id { get; init; }
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string NamespaceId { get; init; }
    public string? Description { get; init; }
    public string? CreatorRequestId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>HTTP, DNS_HTTP or DNS.</summary>
    public required string Type { get; init; }
    /// <summary>MULTIVALUE or WEIGHTED; null without a DNS configuration.</summary>
    public string? RoutingPolicy { get; init; }
    /// <summary>The record types with their TTLs; empty without a DNS configuration.</summary>
    public IReadOnlyList<DiscoveryDnsRecord> DnsRecords { get; init; } = [];
    /// <summary>A Route 53 health check (HTTP, HTTPS or TCP), kept as configured.</summary>
    public DiscoveryHealthCheck? HealthCheck { get; init; }
    /// <summary>Set when the service takes health from UpdateInstanceCustomHealthStatus.</summary>
    public bool CustomHealthCheck { get; init; }
}

/// <summary>One record type a service publishes per instance.</summary>
/// <param name="Type">A, AAAA, SRV or CNAME.</param>
/// <param name="Ttl">Seconds.</param>
public sealed record DiscoveryDnsRecord(string Type, long Ttl);

/// <summary>A Route 53 health check configuration.</summary>
public sealed record DiscoveryHealthCheck(string Type, string? ResourcePath, int FailureThreshold);
