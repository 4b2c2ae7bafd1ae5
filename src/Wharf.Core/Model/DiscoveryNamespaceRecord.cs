namespace Wharf.Core.Model;

/// <summary>A Cloud Map namespace: a DNS zone (private or public) or an HTTP-only name.</summary>
public sealed record DiscoveryNamespaceRecord
{
    public required string Id { get; init; }
    public required string Arn { get; init; }
    /// <summary>The namespace name as given, without a trailing dot.</summary>
    public required string Name { get; init; }
    /// <summary>DNS_PRIVATE, DNS_PUBLIC or HTTP.</summary>
    public required string Type { get; init; }
    public string? Description { get; init; }
    public string? CreatorRequestId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The VPC of a private namespace.</summary>
    public string? Vpc { get; init; }
    /// <summary>The zone id reported in <c>DnsProperties</c> (DNS namespaces only).</summary>
    public string? HostedZoneId { get; init; }
    /// <summary>TTL of the zone's SOA record, in seconds (DNS namespaces only).</summary>
    public long? SoaTtl { get; init; }
    /// <summary>The name used by DiscoverInstances; the namespace name unless set otherwise.</summary>
    public required string HttpName { get; init; }

    /// <summary>True for namespaces served by the DNS server.</summary>
    public bool IsDns => Type is "DNS_PRIVATE" or "DNS_PUBLIC";
}
