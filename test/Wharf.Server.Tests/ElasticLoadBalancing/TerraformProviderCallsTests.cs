using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.ElasticLoadBalancing.LoadBalancers;
using Xunit;
using static Wharf.Server.Tests.ElasticLoadBalancing.ElbTestBed;

namespace Wharf.Server.Tests.ElasticLoadBalancing;

/// <summary>Requests as Terraform's AWS provider (5.x) sends them.</summary>
public sealed class TerraformProviderCallsTests
{
    private readonly ElbTestBed bed = new();

    [Fact]
    public async Task CreateTargetGroup_EmptyProtocolVersion_Http1()
    {
        var tg = (await bed.CreateTargetGroup.HandleAsync(
            new CreateTargetGroupInput { Name = "auth", Protocol = "HTTP", Port = 80, ProtocolVersion = "" }, Context, default)).TargetGroups![0];
        Assert.Equal("HTTP1", tg.ProtocolVersion);
    }

    [Fact]
    public async Task CreateTargetGroup_UnknownProtocolVersion_ValidationError()
    {
        var error = await FailsAsync(() => bed.CreateTargetGroup.HandleAsync(
            new CreateTargetGroupInput { Name = "auth", Protocol = "HTTP", Port = 80, ProtocolVersion = "HTTP3" }, Context, default).AsTask());
        Assert.Equal("ValidationError", error.QueryCode);
    }

    [Fact]
    public async Task DescribeCapacityReservation_KnownBalancer_NoReservation()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var result = await new DescribeCapacityReservationHandler(bed.Elb).HandleAsync(
            new DescribeCapacityReservationInput { LoadBalancerArn = lb.LoadBalancerArn }, Context, default);
        Assert.Empty(result.CapacityReservationState!);
        Assert.Null(result.MinimumLoadBalancerCapacity);
    }

    [Fact]
    public async Task DescribeCapacityReservation_UnknownBalancer_LoadBalancerNotFound()
    {
        var error = await FailsAsync(() => new DescribeCapacityReservationHandler(bed.Elb).HandleAsync(
            new DescribeCapacityReservationInput { LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/x/0123456789abcdef" },
            Context, default).AsTask());
        Assert.Equal("LoadBalancerNotFound", error.QueryCode);
    }
}
