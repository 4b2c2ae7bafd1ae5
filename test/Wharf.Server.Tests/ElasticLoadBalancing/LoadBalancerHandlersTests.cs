using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Xunit;
using static Wharf.Server.Tests.ElasticLoadBalancing.ElbTestBed;

namespace Wharf.Server.Tests.ElasticLoadBalancing;

public sealed class LoadBalancerHandlersTests
{
    private readonly ElbTestBed bed = new();

    [Fact]
    public async Task CreateLoadBalancer_Defaults_ActiveInDefaultSubnetsWithLocalDnsName()
    {
        var lb = await bed.CreateLoadBalancerAsync("demo-lb");

        Assert.StartsWith("arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/demo-lb/", lb.LoadBalancerArn, StringComparison.Ordinal);
        Assert.Matches(@"^demo-lb-\d+\.us-east-1\.elb\.localhost$", lb.DNSName);
        Assert.Equal(("active", "internet-facing", "application"), (lb.State!.Code, lb.Scheme, lb.Type));
        Assert.Equal(bed.Network.VpcId, lb.VpcId);
        Assert.Equal("us-east-1a", Assert.Single(lb.AvailabilityZones!).ZoneName);
        Assert.Equal([bed.Network.SecurityGroupId], lb.SecurityGroups);
    }

    [Fact]
    public async Task CreateLoadBalancer_SameNameSameSettings_ReturnsExisting()
    {
        var first = await bed.CreateLoadBalancerAsync();
        var second = await bed.CreateLoadBalancerAsync();
        Assert.Equal(first.LoadBalancerArn, second.LoadBalancerArn);
    }

    [Fact]
    public async Task CreateLoadBalancer_SameNameOtherScheme_DuplicateName()
    {
        await bed.CreateLoadBalancerAsync();
        var error = await FailsAsync(() => bed.CreateLoadBalancer.HandleAsync(
            new CreateLoadBalancerInput { Name = "demo", Scheme = "internal" }, Context, default).AsTask());
        Assert.Equal("DuplicateLoadBalancerName", error.QueryCode);
    }

    [Theory]
    [InlineData("-bad")]
    [InlineData("internal-lb")]
    [InlineData("has_underscore")]
    [InlineData("a-name-that-is-much-longer-than-32-chars")]
    public async Task CreateLoadBalancer_BadName_ValidationError(string name)
    {
        var error = await FailsAsync(() => bed.CreateLoadBalancer.HandleAsync(new CreateLoadBalancerInput { Name = name }, Context, default).AsTask());
        Assert.Equal("ValidationError", error.QueryCode);
        Assert.Empty((await bed.DescribeLoadBalancers.HandleAsync(new(), Context, default)).LoadBalancers!);
    }

    [Fact]
    public async Task CreateLoadBalancer_UnknownSubnet_SubnetNotFound()
    {
        var error = await FailsAsync(() => bed.CreateLoadBalancer.HandleAsync(
            new CreateLoadBalancerInput { Name = "demo", Subnets = ["subnet-0000"] }, Context, default).AsTask());
        Assert.Equal(("SubnetNotFound", 400), (error.QueryCode, error.StatusCode));
    }

    [Fact]
    public async Task CreateLoadBalancer_SubnetOfAHostZone_Accepted()
    {
        await bed.AddInstanceAsync(zone: "us-east-1b");
        var subnets = (await bed.DescribeSubnets.HandleAsync(new(), Context, default)).Subnets!;
        var lb = (await bed.CreateLoadBalancer.HandleAsync(
            new CreateLoadBalancerInput { Name = "demo", Subnets = [subnets[0].SubnetId!] }, Context, default)).LoadBalancers![0];
        Assert.Equal("us-east-1b", Assert.Single(lb.AvailabilityZones!).ZoneName);
    }

    [Fact]
    public async Task DescribeSubnets_ZoneJoinsLater_EarlierSubnetsKeepTheirBlocks()
    {
        // awsvpc agents build a Docker network per subnet with its block: it must never move.
        await bed.AddInstanceAsync(ec2Id: "i-0000000000000000b", zone: "us-east-1b");
        var before = (await bed.DescribeSubnets.HandleAsync(new(), Context, default)).Subnets!;
        Assert.Equal("172.31.16.0/20", Assert.Single(before).CidrBlock);

        await bed.AddInstanceAsync(ec2Id: "i-0000000000000000a", zone: "us-east-1a");
        var after = (await bed.DescribeSubnets.HandleAsync(new(), Context, default)).Subnets!;
        Assert.Equal([("us-east-1a", "172.31.0.0/20"), ("us-east-1b", "172.31.16.0/20")],
            after.Select(s => (s.AvailabilityZone!, s.CidrBlock!)).OrderBy(z => z.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task DescribeLoadBalancers_UnknownName_LoadBalancerNotFound()
    {
        await bed.CreateLoadBalancerAsync();
        var error = await FailsAsync(() => bed.DescribeLoadBalancers.HandleAsync(new() { Names = ["demo", "nope"] }, Context, default).AsTask());
        Assert.Equal("LoadBalancerNotFound", error.QueryCode);
    }

    [Fact]
    public async Task DescribeLoadBalancers_PageSize_PagesWithMarker()
    {
        await bed.CreateLoadBalancerAsync("a");
        await bed.CreateLoadBalancerAsync("b");
        var first = await bed.DescribeLoadBalancers.HandleAsync(new() { PageSize = 1 }, Context, default);
        var second = await bed.DescribeLoadBalancers.HandleAsync(new() { PageSize = 1, Marker = first.NextMarker }, Context, default);
        Assert.Equal(["a", "b"], first.LoadBalancers!.Concat(second.LoadBalancers!).Select(l => l.LoadBalancerName));
        Assert.Null(second.NextMarker);
    }

    [Fact]
    public async Task DeleteLoadBalancer_RemovesListenersAndRules_UnknownIsFine()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var tg = await bed.CreateTargetGroupAsync();
        var listener = await bed.CreateListenerAsync(lb.LoadBalancerArn!, tg.TargetGroupArn!);
        await bed.CreateRuleAsync(listener.ListenerArn!, 10, tg.TargetGroupArn!);

        await bed.DeleteLoadBalancer.HandleAsync(new() { LoadBalancerArn = lb.LoadBalancerArn }, Context, default);
        await bed.DeleteLoadBalancer.HandleAsync(new() { LoadBalancerArn = lb.LoadBalancerArn }, Context, default);

        Assert.Empty(await bed.Elb.ListenersAsync(null, default));
        Assert.Empty(await bed.Elb.RulesAsync(null, default));
        await bed.DeleteTargetGroup.HandleAsync(new() { TargetGroupArn = tg.TargetGroupArn }, Context, default);
    }

    [Fact]
    public async Task Attributes_Defaults_ThenModified_DeletionProtectionBlocksDelete()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var attributes = (await bed.DescribeLoadBalancerAttributes.HandleAsync(new() { LoadBalancerArn = lb.LoadBalancerArn }, Context, default)).Attributes!;
        Assert.Equal("60", attributes.Single(a => a.Key == "idle_timeout.timeout_seconds").Value);
        Assert.Equal("false", attributes.Single(a => a.Key == "deletion_protection.enabled").Value);

        await bed.ModifyLoadBalancerAttributes.HandleAsync(new()
        {
            LoadBalancerArn = lb.LoadBalancerArn,
            Attributes = [new LoadBalancerAttribute { Key = "deletion_protection.enabled", Value = "true" }],
        }, Context, default);
        var error = await FailsAsync(() => bed.DeleteLoadBalancer.HandleAsync(new() { LoadBalancerArn = lb.LoadBalancerArn }, Context, default).AsTask());
        Assert.Equal("OperationNotPermitted", error.QueryCode);
    }

    [Theory]
    [InlineData("no.such.key", "1")]
    [InlineData("idle_timeout.timeout_seconds", "0")]
    [InlineData("deletion_protection.enabled", "yes")]
    public async Task ModifyLoadBalancerAttributes_BadKeyOrValue_ValidationErrorAndUnchanged(string key, string value)
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var error = await FailsAsync(() => bed.ModifyLoadBalancerAttributes.HandleAsync(new()
        {
            LoadBalancerArn = lb.LoadBalancerArn,
            Attributes = [new LoadBalancerAttribute { Key = "idle_timeout.timeout_seconds", Value = "120" }, new LoadBalancerAttribute { Key = key, Value = value }],
        }, Context, default).AsTask());
        Assert.Equal("ValidationError", error.QueryCode);
        var attributes = (await bed.DescribeLoadBalancerAttributes.HandleAsync(new() { LoadBalancerArn = lb.LoadBalancerArn }, Context, default)).Attributes!;
        Assert.Equal("60", attributes.Single(a => a.Key == "idle_timeout.timeout_seconds").Value);
    }
}
