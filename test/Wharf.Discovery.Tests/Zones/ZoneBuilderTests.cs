using Wharf.Core.Model;
using Wharf.Discovery.Zones;
using Xunit;
using static Wharf.Discovery.Tests.Registrations;

namespace Wharf.Discovery.Tests.Zones;

public sealed class ZoneBuilderTests
{
    [Fact]
    public void Build_ARecordService_PublishesOneAddressPerInstanceAtServiceName()
    {
        var snapshot = ZoneBuilder.Build(
            [Namespace()], [Service("redis")], [Instance("t1", "10.0.0.1"), Instance("t2", "10.0.0.2")], 7);

        var zone = Assert.Single(snapshot.Zones).Value;
        Assert.Equal("internal-bookingapp.com", zone.Apex);
        var set = Assert.Single(zone.Names["redis.internal-bookingapp.com"]);
        Assert.Equal("A", set.Type);
        Assert.Equal(30, set.Ttl);
        Assert.Equal(["10.0.0.1", "10.0.0.2"], set.Values.Select(v => v.Address!.ToString()));
        Assert.Equal(7u, snapshot.Serial);
    }

    [Fact]
    public void Build_SrvService_TargetsInstanceHostWithItsAddress()
    {
        var service = Service("_redis._tcp", records: [new DiscoveryDnsRecord("SRV", 60)]);
        var snapshot = ZoneBuilder.Build([Namespace("local")], [service], [Instance("task1", "172.17.0.1", 32768)], 1);

        var zone = snapshot.Zones["local"];
        var srv = Assert.Single(zone.Names["_redis._tcp.local"]);
        var value = Assert.Single(srv.Values);
        Assert.Equal(32768, value.Port);
        Assert.Equal("task1._redis._tcp.local", value.Target);
        var host = Assert.Single(zone.Names["task1._redis._tcp.local"]);
        Assert.Equal("A", host.Type);
        Assert.Equal(60, host.Ttl);
        Assert.Equal("172.17.0.1", Assert.Single(host.Values).Address!.ToString());
    }

    [Fact]
    public void Build_HttpNamespaceAndServiceWithoutDns_PublishNothing()
    {
        var http = Namespace("api", "HTTP", "ns-2");
        var apiOnly = Service("web", id: "srv-2", ns: "ns-1") with { DnsRecords = [], RoutingPolicy = null, Type = "HTTP" };
        var snapshot = ZoneBuilder.Build([Namespace(), http], [apiOnly], [Instance("i", "10.0.0.1", service: "srv-2")], 1);

        Assert.Equal(["internal-bookingapp.com"], snapshot.Zones.Keys);
        Assert.Empty(snapshot.Zones["internal-bookingapp.com"].Names);
    }

    [Fact]
    public void Build_UnhealthyInstance_MarkedUnhealthy()
    {
        var snapshot = ZoneBuilder.Build([Namespace()], [Service("redis")],
            [Instance("a", "10.0.0.1", health: "UNHEALTHY"), Instance("b", "10.0.0.2", health: "HEALTHY")], 1);

        var values = snapshot.Zones["internal-bookingapp.com"].Names["redis.internal-bookingapp.com"][0].Values;
        Assert.False(values.Single(v => v.InstanceId == "a").Healthy);
        Assert.True(values.Single(v => v.InstanceId == "b").Healthy);
    }

    [Fact]
    public void FindZone_NameBelowApex_FindsLongestApex()
    {
        var snapshot = ZoneBuilder.Build([Namespace("example.com"), Namespace("svc.example.com", id: "ns-2")], [], [], 1);

        Assert.Equal("svc.example.com", snapshot.FindZone("a.b.svc.example.com")!.Apex);
        Assert.Equal("example.com", snapshot.FindZone("other.example.com")!.Apex);
        Assert.Null(snapshot.FindZone("example.org"));
    }
}
