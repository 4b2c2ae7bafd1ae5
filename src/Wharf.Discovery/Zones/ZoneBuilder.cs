using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.Core.Model;

namespace Wharf.Discovery.Zones;

/// <summary>
/// Turns registrations into a <see cref="ZoneSnapshot"/>, publishing records as Cloud Map creates
/// them in Route 53: A, AAAA, SRV and CNAME at <c>{service}.{namespace}</c>; for SRV the target is
/// <c>{instance}.{service}.{namespace}</c>, which also gets the instance's A/AAAA records. Load
/// balancers' DNS names are carried along as names only: their address depends on who asks. Pure.
/// </summary>
internal static class ZoneBuilder
{
    public static ZoneSnapshot Build(
        IEnumerable<DiscoveryNamespaceRecord> namespaces,
        IEnumerable<DiscoveryServiceRecord> services,
        IEnumerable<DiscoveryInstanceRecord> instances,
        uint serial,
        IEnumerable<string>? balancerNames = null)
    {
        var instancesByService = instances.GroupBy(i => i.ServiceId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Id, StringComparer.Ordinal).ToList());
        var servicesByNamespace = services.GroupBy(s => s.NamespaceId).ToDictionary(g => g.Key, g => g.ToList());
        var zones = new Dictionary<string, Zone>(StringComparer.Ordinal);
        foreach (var ns in namespaces.Where(n => n.IsDns))
        {
            var apex = Normalize(ns.Name);
            var names = new Dictionary<string, List<RecordSet>>(StringComparer.Ordinal);
            foreach (var service in servicesByNamespace.GetValueOrDefault(ns.Id) ?? [])
            {
                AddService(names, apex, service, instancesByService.GetValueOrDefault(service.Id) ?? []);
            }

            zones[apex] = new Zone(apex, ClampTtl(ns.SoaTtl ?? 15), names.ToDictionary(p => p.Key, p => (IReadOnlyList<RecordSet>)p.Value, StringComparer.Ordinal));
        }

        var balancers = (balancerNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(Normalize).ToHashSet(StringComparer.Ordinal);
        return new ZoneSnapshot(zones, serial, balancers);
    }

    /// <summary>Lowercase, without a trailing dot.</summary>
    public static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    private static void AddService(Dictionary<string, List<RecordSet>> names, string apex, DiscoveryServiceRecord service, List<DiscoveryInstanceRecord> instances)
    {
        if (service.DnsRecords.Count == 0)
        {
            return;
        }

        var serviceName = Normalize(service.Name) + "." + apex;
        var policy = service.RoutingPolicy ?? "MULTIVALUE";
        foreach (var record in service.DnsRecords)
        {
            var ttl = ClampTtl(record.Ttl);
            var values = new List<RecordValue>();
            foreach (var instance in instances)
            {
                var healthy = instance.HealthStatus != "UNHEALTHY";
                var value = record.Type switch
                {
                    "A" => Address(instance, "AWS_INSTANCE_IPV4", AddressFamily.InterNetwork) is { } v4 ? new RecordValue(instance.Id, healthy) { Address = v4 } : null,
                    "AAAA" => Address(instance, "AWS_INSTANCE_IPV6", AddressFamily.InterNetworkV6) is { } v6 ? new RecordValue(instance.Id, healthy) { Address = v6 } : null,
                    "SRV" => Srv(instance, serviceName, healthy),
                    "CNAME" => instance.Attributes.TryGetValue("AWS_INSTANCE_CNAME", out var cname) ? new RecordValue(instance.Id, healthy) { Target = Normalize(cname) } : null,
                    _ => null,
                };
                if (value is not null)
                {
                    values.Add(value);
                }

                if (record.Type == "SRV" && value is not null)
                {
                    AddHostRecords(names, service, instance, value.Target!, healthy);
                }
            }

            Add(names, serviceName, new RecordSet(record.Type, ttl, policy, values));
        }
    }

    private static void AddHostRecords(Dictionary<string, List<RecordSet>> names, DiscoveryServiceRecord service, DiscoveryInstanceRecord instance, string host, bool healthy)
    {
        foreach (var record in service.DnsRecords.Where(r => r.Type is "A" or "AAAA"))
        {
            var family = record.Type == "A" ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
            var key = record.Type == "A" ? "AWS_INSTANCE_IPV4" : "AWS_INSTANCE_IPV6";
            if (Address(instance, key, family) is { } address)
            {
                Add(names, host, new RecordSet(record.Type, ClampTtl(record.Ttl), "MULTIVALUE", [new RecordValue(instance.Id, healthy) { Address = address }]));
            }
        }

        // An SRV-only service still needs its targets to resolve: publish the instance's addresses at
        // the SRV TTL, as Cloud Map does when the instance carries AWS_INSTANCE_IPV4/IPV6.
        if (!service.DnsRecords.Any(r => r.Type is "A" or "AAAA"))
        {
            var ttl = ClampTtl(service.DnsRecords.First(r => r.Type == "SRV").Ttl);
            if (Address(instance, "AWS_INSTANCE_IPV4", AddressFamily.InterNetwork) is { } v4)
            {
                Add(names, host, new RecordSet("A", ttl, "MULTIVALUE", [new RecordValue(instance.Id, healthy) { Address = v4 }]));
            }

            if (Address(instance, "AWS_INSTANCE_IPV6", AddressFamily.InterNetworkV6) is { } v6)
            {
                Add(names, host, new RecordSet("AAAA", ttl, "MULTIVALUE", [new RecordValue(instance.Id, healthy) { Address = v6 }]));
            }
        }
    }

    private static RecordValue? Srv(DiscoveryInstanceRecord instance, string serviceName, bool healthy)
    {
        if (!instance.Attributes.TryGetValue("AWS_INSTANCE_PORT", out var portText)
            || !ushort.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !IsLabel(instance.Id))
        {
            return null;
        }

        return new RecordValue(instance.Id, healthy) { Port = port, Target = Normalize(instance.Id) + "." + serviceName };
    }

    private static IPAddress? Address(DiscoveryInstanceRecord instance, string key, AddressFamily family) =>
        instance.Attributes.TryGetValue(key, out var text) && IPAddress.TryParse(text, out var address) && address.AddressFamily == family
            ? address
            : null;

    private static bool IsLabel(string text) =>
        text.Length is > 0 and <= 63 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void Add(Dictionary<string, List<RecordSet>> names, string name, RecordSet set)
    {
        if (!names.TryGetValue(name, out var sets))
        {
            names[name] = sets = [];
        }

        var same = sets.FindIndex(s => s.Type == set.Type);
        if (same < 0)
        {
            sets.Add(set);
        }
        else
        {
            sets[same] = sets[same] with { Values = [.. sets[same].Values, .. set.Values] };
        }
    }

    private static int ClampTtl(long ttl) => (int)Math.Clamp(ttl, 0, int.MaxValue);
}
