using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Ec2;
using Wharf.Server.Tests.ElasticLoadBalancing;
using Xunit;
using static Wharf.Server.Tests.ElasticLoadBalancing.ElbTestBed;

namespace Wharf.Server.Tests.Ec2;

/// <summary>The EC2 reads Terraform's <c>aws_vpc</c> data source makes besides DescribeVpcs.</summary>
public sealed class DefaultVpcReadsTests
{
    private readonly ElbTestBed bed = new();

    [Theory]
    [InlineData("enableDnsSupport", true)]
    [InlineData("enableDnsHostnames", true)]
    [InlineData("enableNetworkAddressUsageMetrics", false)]
    public async Task DescribeVpcAttribute_DefaultVpc_AwsDefaultVpcSettings(string attribute, bool expected)
    {
        var result = await new DescribeVpcAttributeHandler(bed.Network).HandleAsync(
            new DescribeVpcAttributeRequest { VpcId = bed.Network.VpcId, Attribute = attribute }, Context, default);

        Assert.Equal(bed.Network.VpcId, result.VpcId);
        var value = attribute switch
        {
            "enableDnsSupport" => result.EnableDnsSupport,
            "enableDnsHostnames" => result.EnableDnsHostnames,
            _ => result.EnableNetworkAddressUsageMetrics,
        };
        Assert.Equal(expected, value!.Value);
    }

    [Fact]
    public async Task DescribeVpcAttribute_UnknownVpc_VpcNotFound()
    {
        var error = await FailsAsync(() => new DescribeVpcAttributeHandler(bed.Network).HandleAsync(
            new DescribeVpcAttributeRequest { VpcId = "vpc-0000000000000000", Attribute = "enableDnsSupport" }, Context, default).AsTask());
        Assert.Equal("InvalidVpcID.NotFound", error.QueryCode);
    }

    [Fact]
    public async Task DescribeVpcAttribute_UnknownAttribute_InvalidParameterValue()
    {
        var error = await FailsAsync(() => new DescribeVpcAttributeHandler(bed.Network).HandleAsync(
            new DescribeVpcAttributeRequest { VpcId = bed.Network.VpcId, Attribute = "enableEverything" }, Context, default).AsTask());
        Assert.Equal("InvalidParameterValue", error.QueryCode);
    }

    [Fact]
    public async Task DescribeRouteTables_MainOfDefaultVpc_OneTableWithLocalAndDefaultRoutes()
    {
        var result = await new DescribeRouteTablesHandler(bed.Network).HandleAsync(new DescribeRouteTablesRequest
        {
            Filters =
            [
                new Filter { Name = "association.main", Values = ["true"] },
                new Filter { Name = "vpc-id", Values = [bed.Network.VpcId] },
            ],
        }, Context, default);

        var table = Assert.Single(result.RouteTables!);
        Assert.StartsWith("rtb-", table.RouteTableId, StringComparison.Ordinal);
        Assert.True(Assert.Single(table.Associations!).Main);
        Assert.Equal(["172.31.0.0/16", "0.0.0.0/0"], table.Routes!.Select(r => r.DestinationCidrBlock));
        Assert.Equal("local", table.Routes![0].GatewayId);
    }

    [Fact]
    public async Task DescribeRouteTables_OtherVpcFilter_Empty()
    {
        var result = await new DescribeRouteTablesHandler(bed.Network).HandleAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter { Name = "vpc-id", Values = ["vpc-other"] }],
        }, Context, default);
        Assert.Empty(result.RouteTables!);
    }

    [Fact]
    public async Task DescribeRouteTables_UnknownId_RouteTableNotFound()
    {
        var error = await FailsAsync(() => new DescribeRouteTablesHandler(bed.Network).HandleAsync(
            new DescribeRouteTablesRequest { RouteTableIds = ["rtb-0000"] }, Context, default).AsTask());
        Assert.Equal("InvalidRouteTableID.NotFound", error.QueryCode);
    }
}
