using Wharf.Core.Model;

namespace Wharf.Discovery.Tests;

/// <summary>Namespace, service and instance records for the tests.</summary>
internal static class Registrations
{
    public static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static DiscoveryNamespaceRecord Namespace(string name = "internal-bookingapp.com", string type = "DNS_PRIVATE", string id = "ns-1") => new()
    {
        Id = id,
        Arn = "arn:aws:servicediscovery:us-east-1:000000000000:namespace/" + id,
        Name = name,
        Type = type,
        CreatedAt = At,
        SoaTtl = 15,
        HttpName = name,
    };

    public static DiscoveryServiceRecord Service(string name, string policy = "MULTIVALUE", string id = "srv-1", string ns = "ns-1", params DiscoveryDnsRecord[] records) => new()
    {
        Id = id,
        Arn = "arn:aws:servicediscovery:us-east-1:000000000000:service/" + id,
        Name = name,
        NamespaceId = ns,
        CreatedAt = At,
        Type = "DNS_HTTP",
        RoutingPolicy = policy,
        DnsRecords = records.Length == 0 ? [new DiscoveryDnsRecord("A", 30)] : records,
    };

    public static DiscoveryInstanceRecord Instance(string id, string? ipv4 = null, int? port = null, string health = "UNKNOWN", string service = "srv-1", string? ipv6 = null)
    {
        var attributes = new Dictionary<string, string>();
        if (ipv4 is not null)
        {
            attributes["AWS_INSTANCE_IPV4"] = ipv4;
        }

        if (ipv6 is not null)
        {
            attributes["AWS_INSTANCE_IPV6"] = ipv6;
        }

        if (port is not null)
        {
            attributes["AWS_INSTANCE_PORT"] = port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new DiscoveryInstanceRecord { ServiceId = service, Id = id, Attributes = attributes, HealthStatus = health, RegisteredAt = At };
    }
}
