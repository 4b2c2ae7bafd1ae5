using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;

namespace Wharf.Server.Ec2;

/// <summary>Registers the EC2 networking reads that ELBv2 and ECS scripts look ids up with.</summary>
internal static class Ec2Api
{
    public const string Service = "ec2";

    public static void Register(AwsApiBuilder api)
    {
        api.Services.TryAddSingleton<DefaultNetwork>();
        api.Add<DescribeVpcsHandler, DescribeVpcsRequest, DescribeVpcsResult>(Service, "DescribeVpcs")
            .Add<DescribeSubnetsHandler, DescribeSubnetsRequest, DescribeSubnetsResult>(Service, "DescribeSubnets")
            .Add<DescribeSecurityGroupsHandler, DescribeSecurityGroupsRequest, DescribeSecurityGroupsResult>(Service, "DescribeSecurityGroups")
            .Add<DescribeAvailabilityZonesHandler, DescribeAvailabilityZonesRequest, DescribeAvailabilityZonesResult>(Service, "DescribeAvailabilityZones")
            .Add<DescribeAccountAttributesHandler, DescribeAccountAttributesRequest, DescribeAccountAttributesResult>(Service, "DescribeAccountAttributes")
            .Add<DescribeVpcAttributeHandler, DescribeVpcAttributeRequest, DescribeVpcAttributeResult>(Service, "DescribeVpcAttribute")
            .Add<DescribeRouteTablesHandler, DescribeRouteTablesRequest, DescribeRouteTablesResult>(Service, "DescribeRouteTables")
            .Add<DescribeNetworkInterfacesHandler, DescribeNetworkInterfacesRequest, DescribeNetworkInterfacesResult>(Service, "DescribeNetworkInterfaces");
    }
}
