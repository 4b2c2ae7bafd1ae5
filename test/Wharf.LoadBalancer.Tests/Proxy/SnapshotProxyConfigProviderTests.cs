using Wharf.Core.Model;
using Wharf.LoadBalancer.Proxy;
using Wharf.LoadBalancer.Snapshots;
using Xunit;

namespace Wharf.LoadBalancer.Tests.Proxy;

public sealed class SnapshotProxyConfigProviderTests
{
    private const string InstanceGroup = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/bridge/0123456789abcdef";
    private const string IpGroup = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/awsvpc/fedcba9876543210";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_IpAndInstanceTargets_IpReachedAtItsAddressInstanceAtItsHost()
    {
        var snapshot = LoadBalancerSnapshot.Build(
            [],
            [],
            [Group(InstanceGroup, "instance"), Group(IpGroup, "ip")],
            [Target(InstanceGroup, "i-0abc", 32768), Target(IpGroup, "172.31.0.7", 80), Target(IpGroup, "172.31.0.8", 80)],
            new Dictionary<string, string> { ["i-0abc"] = "10.0.0.5", ["172.31.0.7"] = "10.0.0.9" },
            "127.0.0.1");
        using var provider = new SnapshotProxyConfigProvider();

        provider.Update(snapshot);

        var clusters = provider.GetConfig().Clusters.ToDictionary(c => c.ClusterId);
        Assert.Equal(["http://10.0.0.5:32768/"], clusters[InstanceGroup].Destinations!.Values.Select(d => d.Address));
        Assert.Equal(
            ["http://172.31.0.7:80/", "http://172.31.0.8:80/"],
            clusters[IpGroup].Destinations!.Values.Select(d => d.Address).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Update_DrainingIpTarget_GetsNoNewRequests()
    {
        var snapshot = LoadBalancerSnapshot.Build(
            [],
            [],
            [Group(IpGroup, "ip")],
            [Target(IpGroup, "172.31.0.7", 80, TargetStates.Draining), Target(IpGroup, "172.31.0.8", 80)],
            new Dictionary<string, string>(),
            "127.0.0.1");
        using var provider = new SnapshotProxyConfigProvider();

        provider.Update(snapshot);

        var cluster = provider.GetConfig().Clusters.Single(c => c.ClusterId == IpGroup);
        Assert.Equal(["http://172.31.0.8:80/"], cluster.Destinations!.Values.Select(d => d.Address));
    }

    private static TargetGroupRecord Group(string arn, string targetType) => new()
    {
        Arn = arn, Name = arn.Split('/')[1], CreatedAt = Start, Protocol = "HTTP", Port = 80, VpcId = "vpc-1", TargetType = targetType,
        HealthCheck = new HealthCheckSettings(),
    };

    private static (string Key, long Version, TargetRecord Target) Target(string group, string id, int port, string state = TargetStates.Healthy) =>
        (LoadBalancingKinds.TargetKey(group, id, port), 1, new TargetRecord
        {
            TargetGroupArn = group, Id = id, Port = port, RegisteredAt = Start, State = state,
        });
}
