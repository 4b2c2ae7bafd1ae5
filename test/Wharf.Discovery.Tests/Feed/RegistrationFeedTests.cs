using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Model;
using Wharf.Discovery.Feed;
using Wharf.Discovery.Server;
using Xunit;
using static Wharf.Discovery.Tests.Registrations;

namespace Wharf.Discovery.Tests.Feed;

public sealed class RegistrationFeedTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static DiscoveryDnsServer NewServer() =>
        new([new IPEndPoint(IPAddress.Loopback, 0)], [], NullLogger.Instance);

    private static ListOnlyStore StoreWithRedis()
    {
        var store = new ListOnlyStore();
        store.Put(DiscoveryKinds.Namespace, "ns-1", JsonSerializer.Serialize(Namespace(), Json));
        store.Put(DiscoveryKinds.Service, "srv-1", JsonSerializer.Serialize(Service("redis"), Json));
        store.Put(DiscoveryKinds.Instance, "srv-1/t1", JsonSerializer.Serialize(Instance("t1", "10.0.0.1"), Json));
        return store;
    }

    private static string Balancer(string dnsName) => JsonSerializer.Serialize(
        new LoadBalancerRecord
        {
            Arn = "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web/0123456789abcdef",
            Name = "web",
            Id = "0123456789abcdef",
            DnsName = dnsName,
            CreatedAt = At,
            Scheme = "internet-facing",
            VpcId = "vpc-1",
        },
        Json);

    [Fact]
    public async Task Rebuild_RegistrationsAndBalancers_EveryServerGetsTheSameSnapshot()
    {
        var store = StoreWithRedis();
        store.Put(LoadBalancingKinds.LoadBalancer, "lb-1", Balancer("web-1.us-east-1.elb.localhost"));
        using var host = NewServer();
        using var containers = NewServer();
        using var feed = new RegistrationFeed(store, [host, containers], NullLogger.Instance, TimeSpan.FromSeconds(2));

        await feed.RebuildAsync(CancellationToken.None);

        Assert.Same(host.Current, containers.Current);
        Assert.Contains("redis.internal-bookingapp.com", host.Current.Zones["internal-bookingapp.com"].Names.Keys);
        Assert.Equal(["web-1.us-east-1.elb.localhost"], host.Current.Balancers);
    }

    [Fact]
    public async Task Rebuild_NothingChanged_KeepsTheSnapshot()
    {
        var store = StoreWithRedis();
        using var server = NewServer();
        using var feed = new RegistrationFeed(store, [server], NullLogger.Instance, TimeSpan.FromSeconds(2));
        await feed.RebuildAsync(CancellationToken.None);
        var first = server.Current;

        await feed.RebuildAsync(CancellationToken.None);

        Assert.Same(first, server.Current);
    }

    [Fact]
    public async Task Rebuild_DocumentUpdatedOrDeleted_NewSnapshotWithHigherSerial()
    {
        var store = StoreWithRedis();
        using var server = NewServer();
        using var feed = new RegistrationFeed(store, [server], NullLogger.Instance, TimeSpan.FromSeconds(2));
        await feed.RebuildAsync(CancellationToken.None);
        var first = server.Current;

        store.Put(DiscoveryKinds.Instance, "srv-1/t1", JsonSerializer.Serialize(Instance("t1", "10.0.0.9"), Json));
        await feed.RebuildAsync(CancellationToken.None);
        var updated = server.Current;
        store.Delete(DiscoveryKinds.Instance, "srv-1/t1");
        await feed.RebuildAsync(CancellationToken.None);

        Assert.True(updated.Serial > first.Serial);
        Assert.Equal(IPAddress.Parse("10.0.0.9"), updated.Zones["internal-bookingapp.com"].Names["redis.internal-bookingapp.com"][0].Values[0].Address);
        Assert.True(server.Current.Serial > updated.Serial);
        Assert.Empty(server.Current.Zones["internal-bookingapp.com"].Names["redis.internal-bookingapp.com"][0].Values);
    }

    [Fact]
    public async Task Run_NoChangeEvent_PollsAtTheResyncInterval()
    {
        var store = StoreWithRedis();
        using var server = NewServer();
        using var feed = new RegistrationFeed(store, [server], NullLogger.Instance, TimeSpan.FromMilliseconds(50));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = feed.RunAsync(stop.Token);

        store.Put(LoadBalancingKinds.LoadBalancer, "lb-1", Balancer("polled-1.us-east-1.elb.localhost"));
        while (!server.Current.Balancers.Contains("polled-1.us-east-1.elb.localhost") && !stop.IsCancellationRequested)
        {
            await Task.Delay(20, stop.Token);
        }

        await stop.CancelAsync();
        await run;
        Assert.Contains("polled-1.us-east-1.elb.localhost", server.Current.Balancers);
    }

    [Fact]
    public async Task Run_BalancerChangeEvent_RebuildsBeforeTheResync()
    {
        var store = StoreWithRedis();
        using var server = NewServer();
        using var feed = new RegistrationFeed(store, [server], NullLogger.Instance, TimeSpan.FromHours(1));
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = feed.RunAsync(stop.Token);
        while (server.Current.Zones.Count == 0 && !stop.IsCancellationRequested)
        {
            await Task.Delay(20, stop.Token);
        }

        store.Put(LoadBalancingKinds.LoadBalancer, "lb-1", Balancer("evented-1.us-east-1.elb.localhost"));
        store.RaiseChanged(LoadBalancingKinds.LoadBalancer);
        while (!server.Current.Balancers.Contains("evented-1.us-east-1.elb.localhost") && !stop.IsCancellationRequested)
        {
            await Task.Delay(20, stop.Token);
        }

        Assert.False(stop.IsCancellationRequested, "the change event did not trigger a rebuild");
        await stop.CancelAsync();
        await run;
    }
}
