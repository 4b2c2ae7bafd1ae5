namespace Wharf.Core.Model;

/// <summary>An application load balancer. Its listeners are reachable on this machine at <see cref="DnsName"/>.</summary>
public sealed record LoadBalancerRecord
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    /// <summary>The 16-hex-digit id at the end of the ARN.</summary>
    public required string Id { get; init; }
    public required string DnsName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>internet-facing or internal.</summary>
    public required string Scheme { get; init; }
    /// <summary>application (the only type Wharf serves).</summary>
    public string Type { get; init; } = "application";
    public string IpAddressType { get; init; } = "ipv4";
    public required string VpcId { get; init; }
    /// <summary>The subnets the balancer was placed in, with their zones.</summary>
    public IReadOnlyList<ZoneSubnet> Zones { get; init; } = [];
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];
    /// <summary>provisioning, active or failed.</summary>
    public string State { get; init; } = "active";
    /// <summary>Load balancer attributes that differ from or add to AWS's defaults.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}

/// <summary>An availability zone and the subnet used in it.</summary>
public sealed record ZoneSubnet(string ZoneName, string SubnetId);
