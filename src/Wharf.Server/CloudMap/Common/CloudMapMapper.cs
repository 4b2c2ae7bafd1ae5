using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;

namespace Wharf.Server.CloudMap.Common;

/// <summary>Builds the wire shapes from the stored records.</summary>
internal static class CloudMapMapper
{
    public static NamespaceProperties Properties(DiscoveryNamespaceRecord ns) => new()
    {
        DnsProperties = ns.IsDns
            ? new DnsProperties { HostedZoneId = ns.HostedZoneId, SOA = ns.SoaTtl is { } ttl ? new SOA { TTL = ttl } : null }
            : new DnsProperties(),
        HttpProperties = new HttpProperties { HttpName = ns.HttpName },
    };

    public static Namespace Namespace(DiscoveryNamespaceRecord ns, int serviceCount, string account) => new()
    {
        Id = ns.Id,
        Arn = ns.Arn,
        ResourceOwner = account,
        Name = ns.Name,
        Type = ns.Type,
        Description = ns.Description,
        ServiceCount = serviceCount,
        Properties = Properties(ns),
        CreateDate = ns.CreatedAt,
        CreatorRequestId = ns.CreatorRequestId,
    };

    public static NamespaceSummary Summary(DiscoveryNamespaceRecord ns, int serviceCount, string account) => new()
    {
        Id = ns.Id,
        Arn = ns.Arn,
        ResourceOwner = account,
        Name = ns.Name,
        Type = ns.Type,
        Description = ns.Description,
        ServiceCount = serviceCount,
        Properties = Properties(ns),
        CreateDate = ns.CreatedAt,
    };

    public static DnsConfig? DnsConfig(DiscoveryServiceRecord service) => service.DnsRecords.Count == 0
        ? null
        : new DnsConfig
        {
            NamespaceId = service.NamespaceId,
            RoutingPolicy = service.RoutingPolicy,
            DnsRecords = service.DnsRecords.Select(r => new DnsRecord { Type = r.Type, TTL = r.Ttl }).ToList(),
        };

    public static HealthCheckConfig? HealthCheck(DiscoveryServiceRecord service) => service.HealthCheck is { } h
        ? new HealthCheckConfig { Type = h.Type, ResourcePath = h.ResourcePath, FailureThreshold = h.FailureThreshold }
        : null;

    public static Service Service(DiscoveryServiceRecord service, int instanceCount, string account) => new()
    {
        Id = service.Id,
        Arn = service.Arn,
        ResourceOwner = account,
        Name = service.Name,
        NamespaceId = service.NamespaceId,
        Description = service.Description,
        InstanceCount = instanceCount,
        DnsConfig = DnsConfig(service),
        Type = service.Type,
        HealthCheckConfig = HealthCheck(service),
        HealthCheckCustomConfig = service.CustomHealthCheck ? new HealthCheckCustomConfig { FailureThreshold = 1 } : null,
        CreateDate = service.CreatedAt,
        CreatorRequestId = service.CreatorRequestId,
        CreatedByAccount = account,
    };

    public static ServiceSummary Summary(DiscoveryServiceRecord service, int instanceCount, string account) => new()
    {
        Id = service.Id,
        Arn = service.Arn,
        ResourceOwner = account,
        Name = service.Name,
        Type = service.Type,
        Description = service.Description,
        InstanceCount = instanceCount,
        DnsConfig = DnsConfig(service),
        HealthCheckConfig = HealthCheck(service),
        HealthCheckCustomConfig = service.CustomHealthCheck ? new HealthCheckCustomConfig { FailureThreshold = 1 } : null,
        CreateDate = service.CreatedAt,
        CreatedByAccount = account,
    };

    public static Operation Operation(DiscoveryOperationRecord operation, string account) => new()
    {
        Id = operation.Id,
        OwnerAccount = account,
        Type = operation.Type,
        Status = operation.Status,
        ErrorCode = operation.ErrorCode,
        ErrorMessage = operation.ErrorMessage,
        CreateDate = operation.CreatedAt,
        UpdateDate = operation.UpdatedAt,
        Targets = operation.Targets.ToDictionary(),
    };
}
