using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Services;

/// <summary>Cloud Map's rules for a service's DNS records and health checks.</summary>
internal static class ServiceRules
{
    /// <summary>The record set of a DnsConfig: A, AAAA and SRV in any combination without repeats, or CNAME alone (WEIGHTED only).</summary>
    public static IReadOnlyList<DiscoveryDnsRecord> Records(List<DnsRecord>? records, string routingPolicy)
    {
        if (records is null || records.Count == 0)
        {
            throw CloudMapErrors.InvalidInput("DnsConfig.DnsRecords must contain at least one record.");
        }

        var result = new List<DiscoveryDnsRecord>();
        foreach (var record in records)
        {
            var type = record.Type ?? "";
            if (type is not ("A" or "AAAA" or "SRV" or "CNAME"))
            {
                throw CloudMapErrors.InvalidInput($"Invalid DNS record type '{type}': use A, AAAA, SRV or CNAME.");
            }

            if (record.TTL is not { } ttl || ttl < 0 || ttl > int.MaxValue)
            {
                throw CloudMapErrors.InvalidInput($"Invalid TTL for the {type} record: a TTL is 0 to 2147483647 seconds.");
            }

            if (result.Exists(r => r.Type == type))
            {
                throw CloudMapErrors.InvalidInput($"DnsConfig lists the {type} record type more than once.");
            }

            result.Add(new DiscoveryDnsRecord(type, ttl));
        }

        if (result.Exists(r => r.Type == "CNAME") && (result.Count > 1 || routingPolicy != "WEIGHTED"))
        {
            throw CloudMapErrors.InvalidInput("A CNAME record must be the only record of a service, with the WEIGHTED routing policy.");
        }

        return result;
    }

    public static string RoutingPolicy(string? policy) => policy switch
    {
        null or "MULTIVALUE" => "MULTIVALUE",
        "WEIGHTED" => "WEIGHTED",
        _ => throw CloudMapErrors.InvalidInput($"Invalid routing policy '{policy}': use MULTIVALUE or WEIGHTED."),
    };

    public static DiscoveryHealthCheck? HealthCheck(HealthCheckConfig? config)
    {
        if (config is null)
        {
            return null;
        }

        var type = config.Type ?? "";
        if (type is not ("HTTP" or "HTTPS" or "TCP"))
        {
            throw CloudMapErrors.InvalidInput($"Invalid health check type '{type}': use HTTP, HTTPS or TCP.");
        }

        if (type == "TCP" && config.ResourcePath is not null)
        {
            throw CloudMapErrors.InvalidInput("A TCP health check takes no ResourcePath.");
        }

        return new DiscoveryHealthCheck(type, type == "TCP" ? null : config.ResourcePath ?? "/", config.FailureThreshold ?? 1);
    }
}
