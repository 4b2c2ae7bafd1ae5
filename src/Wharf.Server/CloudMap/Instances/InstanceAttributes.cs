using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.Core.Model;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Instances;

/// <summary>The reserved attributes of an instance and the checks RegisterInstance applies to them.</summary>
internal static class InstanceAttributes
{
    public const string Ipv4 = "AWS_INSTANCE_IPV4";
    public const string Ipv6 = "AWS_INSTANCE_IPV6";
    public const string Port = "AWS_INSTANCE_PORT";
    public const string Cname = "AWS_INSTANCE_CNAME";
    public const string InitHealthStatus = "AWS_INIT_HEALTH_STATUS";
    public const string AliasDnsName = "AWS_ALIAS_DNS_NAME";
    public const int MaxAttributes = 30;

    /// <summary>Checks <paramref name="attributes"/> against the records <paramref name="service"/> publishes.</summary>
    public static void Validate(DiscoveryServiceRecord service, IReadOnlyDictionary<string, string> attributes)
    {
        if (attributes.Count > MaxAttributes)
        {
            throw CloudMapErrors.InvalidInput($"An instance can have at most {MaxAttributes} attributes; {attributes.Count} were given.");
        }

        if (attributes.TryGetValue(Ipv4, out var v4) && !IsAddress(v4, AddressFamily.InterNetwork))
        {
            throw CloudMapErrors.InvalidInput($"{Ipv4} '{v4}' is not an IPv4 address.");
        }

        if (attributes.TryGetValue(Ipv6, out var v6) && !IsAddress(v6, AddressFamily.InterNetworkV6))
        {
            throw CloudMapErrors.InvalidInput($"{Ipv6} '{v6}' is not an IPv6 address.");
        }

        if (attributes.TryGetValue(Port, out var port) && PortOf(port) is null)
        {
            throw CloudMapErrors.InvalidInput($"{Port} '{port}' is not a port number from 0 to 65535.");
        }

        if (attributes.TryGetValue(InitHealthStatus, out var init))
        {
            if (!service.CustomHealthCheck)
            {
                throw CloudMapErrors.InvalidInput($"{InitHealthStatus} is only valid for services with HealthCheckCustomConfig.");
            }

            if (init is not ("HEALTHY" or "UNHEALTHY"))
            {
                throw CloudMapErrors.InvalidInput($"{InitHealthStatus} must be HEALTHY or UNHEALTHY.");
            }
        }

        foreach (var record in service.DnsRecords)
        {
            var required = record.Type switch
            {
                "A" => Ipv4,
                "AAAA" => Ipv6,
                "SRV" => Port,
                "CNAME" => Cname,
                _ => null,
            };
            if (required is not null && !attributes.ContainsKey(required) && !attributes.ContainsKey(AliasDnsName))
            {
                throw CloudMapErrors.InvalidInput($"Service {service.Id} has a {record.Type} record: the instance needs {required}.");
            }
        }

        if (service.DnsRecords.Any(r => r.Type == "SRV") && !attributes.ContainsKey(Ipv4) && !attributes.ContainsKey(Ipv6))
        {
            throw CloudMapErrors.InvalidInput($"Service {service.Id} has an SRV record: the instance needs {Ipv4} or {Ipv6}.");
        }
    }

    /// <summary>The health an instance starts with: custom checks start HEALTHY (or as AWS_INIT_HEALTH_STATUS says);
    /// Route 53 checks are not run by Wharf, so those instances are HEALTHY; without checks, UNKNOWN.</summary>
    public static string InitialHealth(DiscoveryServiceRecord service, IReadOnlyDictionary<string, string> attributes) =>
        service.CustomHealthCheck
            ? attributes.GetValueOrDefault(InitHealthStatus, "HEALTHY")
            : service.HealthCheck is not null ? "HEALTHY" : "UNKNOWN";

    public static int? PortOf(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : null;

    private static bool IsAddress(string text, AddressFamily family) =>
        IPAddress.TryParse(text, out var address) && address.AddressFamily == family
        && (family != AddressFamily.InterNetwork || text.Count(c => c == '.') == 3);
}
