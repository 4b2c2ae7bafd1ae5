using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Xunit;
using static Wharf.Server.Tests.ElasticLoadBalancing.ElbTestBed;

namespace Wharf.Server.Tests.ElasticLoadBalancing;

public sealed class TargetGroupAndListenerTests
{
    private readonly ElbTestBed bed = new();

    [Fact]
    public async Task CreateTargetGroup_Omitted_AwsHealthCheckDefaults()
    {
        var tg = await bed.CreateTargetGroupAsync();

        Assert.Equal(("HTTP", "traffic-port", "/"), (tg.HealthCheckProtocol, tg.HealthCheckPort, tg.HealthCheckPath));
        Assert.Equal((30, 5, 5, 2), (tg.HealthCheckIntervalSeconds, tg.HealthCheckTimeoutSeconds, tg.HealthyThresholdCount, tg.UnhealthyThresholdCount));
        Assert.Equal("200", tg.Matcher!.HttpCode);
        Assert.Equal(("instance", bed.Network.VpcId), (tg.TargetType, tg.VpcId));
        var attributes = (await bed.DescribeTargetGroupAttributes.HandleAsync(new() { TargetGroupArn = tg.TargetGroupArn }, Context, default)).Attributes!;
        Assert.Equal("300", attributes.Single(a => a.Key == "deregistration_delay.timeout_seconds").Value);
        Assert.Equal("false", attributes.Single(a => a.Key == "stickiness.enabled").Value);
    }

    [Theory]
    [InlineData(10, 10, "200")]
    [InlineData(4, 2, "200")]
    [InlineData(30, 5, "600")]
    [InlineData(30, 5, "abc")]
    public async Task CreateTargetGroup_BadHealthCheck_ValidationError(int interval, int timeout, string matcher)
    {
        var error = await FailsAsync(() => bed.CreateTargetGroup.HandleAsync(new()
        {
            Name = "tg", Protocol = "HTTP", Port = 80, HealthCheckIntervalSeconds = interval, HealthCheckTimeoutSeconds = timeout,
            Matcher = new Matcher { HttpCode = matcher },
        }, Context, default).AsTask());
        Assert.Equal("ValidationError", error.QueryCode);
    }

    [Fact]
    public async Task CreateTargetGroup_SameNameOtherPort_Duplicate()
    {
        await bed.CreateTargetGroupAsync("web");
        var error = await FailsAsync(() => bed.CreateTargetGroup.HandleAsync(new() { Name = "web", Protocol = "HTTP", Port = 81 }, Context, default).AsTask());
        Assert.Equal("DuplicateTargetGroupName", error.QueryCode);
    }

    [Fact]
    public async Task ModifyTargetGroup_ChangesOnlyGivenSettings()
    {
        var tg = await bed.CreateTargetGroupAsync();
        var modified = (await bed.ModifyTargetGroup.HandleAsync(
            new() { TargetGroupArn = tg.TargetGroupArn, HealthCheckPath = "/health", HealthCheckIntervalSeconds = 10 }, Context, default)).TargetGroups![0];
        Assert.Equal(("/health", 10, 5), (modified.HealthCheckPath, modified.HealthCheckIntervalSeconds, modified.HealthyThresholdCount));
    }

    [Fact]
    public async Task DeleteTargetGroup_UsedByListener_ResourceInUse()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var tg = await bed.CreateTargetGroupAsync();
        await bed.CreateListenerAsync(lb.LoadBalancerArn!, tg.TargetGroupArn!);

        var error = await FailsAsync(() => bed.DeleteTargetGroup.HandleAsync(new() { TargetGroupArn = tg.TargetGroupArn }, Context, default).AsTask());

        Assert.Equal("ResourceInUse", error.QueryCode);
        var described = (await bed.DescribeTargetGroups.HandleAsync(new() { LoadBalancerArn = lb.LoadBalancerArn }, Context, default)).TargetGroups!;
        Assert.Equal([lb.LoadBalancerArn!], Assert.Single(described).LoadBalancerArns);
    }

    [Fact]
    public async Task CreateListener_UnknownTargetGroup_TargetGroupNotFoundAndNothingStored()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var error = await FailsAsync(() => bed.CreateListenerAsync(lb.LoadBalancerArn!, "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/x/0000000000000000"));
        Assert.Equal("TargetGroupNotFound", error.QueryCode);
        Assert.Empty(await bed.Elb.ListenersAsync(null, default));
    }

    [Fact]
    public async Task CreateListener_PortUsedByOtherListener_DuplicateOrInvalidConfiguration()
    {
        var lb = await bed.CreateLoadBalancerAsync("one");
        var other = await bed.CreateLoadBalancerAsync("two");
        var tg = await bed.CreateTargetGroupAsync();
        var tg2 = await bed.CreateTargetGroupAsync("tg2");
        await bed.CreateListenerAsync(lb.LoadBalancerArn!, tg.TargetGroupArn!);

        var same = await FailsAsync(() => bed.CreateListenerAsync(lb.LoadBalancerArn!, tg2.TargetGroupArn!));
        var cross = await FailsAsync(() => bed.CreateListenerAsync(other.LoadBalancerArn!, tg.TargetGroupArn!));

        Assert.Equal("DuplicateListener", same.QueryCode);
        Assert.Equal("InvalidConfigurationRequest", cross.QueryCode);
    }

    [Fact]
    public async Task CreateListener_PortTakenOnHost_InvalidConfiguration()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var tg = await bed.CreateTargetGroupAsync();
        bed.Probe.Taken.Add(8080);
        var error = await FailsAsync(() => bed.CreateListenerAsync(lb.LoadBalancerArn!, tg.TargetGroupArn!));
        Assert.Equal("InvalidConfigurationRequest", error.QueryCode);
    }

    [Fact]
    public async Task CreateListener_SameSettingsAgain_ReturnsExisting()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var tg = await bed.CreateTargetGroupAsync();
        var first = await bed.CreateListenerAsync(lb.LoadBalancerArn!, tg.TargetGroupArn!);
        var second = await bed.CreateListenerAsync(lb.LoadBalancerArn!, tg.TargetGroupArn!);
        Assert.Equal(first.ListenerArn, second.ListenerArn);
    }

    [Fact]
    public async Task CreateListener_Https_UnsupportedProtocol()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var tg = await bed.CreateTargetGroupAsync();
        var error = await FailsAsync(() => bed.CreateListener.HandleAsync(new()
        {
            LoadBalancerArn = lb.LoadBalancerArn, Protocol = "TCP", Port = 80, DefaultActions = [ForwardTo(tg.TargetGroupArn!)],
        }, Context, default).AsTask());
        Assert.Equal("UnsupportedProtocol", error.QueryCode);
    }

    [Fact]
    public async Task DescribeListeners_NeitherArnGiven_ValidationError()
    {
        var error = await FailsAsync(() => bed.DescribeListeners.HandleAsync(new(), Context, default).AsTask());
        Assert.Equal("ValidationError", error.QueryCode);
    }

    [Fact]
    public async Task ModifyListener_FixedResponseDefault_Stored()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var tg = await bed.CreateTargetGroupAsync();
        var listener = await bed.CreateListenerAsync(lb.LoadBalancerArn!, tg.TargetGroupArn!);
        var modified = (await bed.ModifyListener.HandleAsync(new()
        {
            ListenerArn = listener.ListenerArn,
            Port = 9090,
            DefaultActions = [new Protocol.Generated.ElasticLoadBalancingV2.Action
            {
                Type = "fixed-response",
                FixedResponseConfig = new FixedResponseActionConfig { StatusCode = "404", ContentType = "text/plain", MessageBody = "nope" },
            }],
        }, Context, default)).Listeners![0];
        Assert.Equal(9090, modified.Port);
        Assert.Equal("404", modified.DefaultActions![0].FixedResponseConfig!.StatusCode);
    }

    [Fact]
    public async Task Tags_AddDescribeRemove_RoundTrip()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        await bed.AddTags.HandleAsync(new() { ResourceArns = [lb.LoadBalancerArn!], Tags = [new Tag { Key = "team", Value = "a" }, new Tag { Key = "env", Value = "dev" }] }, Context, default);
        await bed.RemoveTags.HandleAsync(new() { ResourceArns = [lb.LoadBalancerArn!], TagKeys = ["env"] }, Context, default);
        var tags = (await bed.DescribeTags.HandleAsync(new() { ResourceArns = [lb.LoadBalancerArn!] }, Context, default)).TagDescriptions!;
        Assert.Equal(["team"], Assert.Single(tags).Tags!.Select(t => t.Key));
        var error = await FailsAsync(() => bed.AddTags.HandleAsync(
            new() { ResourceArns = [lb.LoadBalancerArn!], Tags = [new Tag { Key = "k", Value = "1" }, new Tag { Key = "k", Value = "2" }] }, Context, default).AsTask());
        Assert.Equal("DuplicateTagKeys", error.QueryCode);
    }
}
