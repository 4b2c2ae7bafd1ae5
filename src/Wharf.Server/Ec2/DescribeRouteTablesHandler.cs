using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;

namespace Wharf.Server.Ec2;

/// <summary>
/// DescribeRouteTables: the default VPC's main route table, as on a default VPC: the local route
/// for the VPC's CIDR and a default route to its internet gateway; the subnets use it implicitly
/// (only the main association). An unknown id is refused.
/// </summary>
internal sealed class DescribeRouteTablesHandler(DefaultNetwork network)
    : IOperationHandler<DescribeRouteTablesRequest, DescribeRouteTablesResult>
{
    public ValueTask<DescribeRouteTablesResult> HandleAsync(
        DescribeRouteTablesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.DryRun == true)
        {
            throw Ec2Errors.DryRun();
        }

        var table = MainRouteTable();
        foreach (var id in input.RouteTableIds ?? [])
        {
            if (id != table.RouteTableId)
            {
                throw Ec2Errors.RouteTableNotFound(id);
            }
        }

        var matches = Ec2Filters.Match(input.Filters, name => name switch
        {
            "route-table-id" => [table.RouteTableId!],
            "vpc-id" => [network.VpcId],
            "association.main" => ["true"],
            "association.route-table-association-id" => [table.Associations![0].RouteTableAssociationId!],
            "association.route-table-id" => [table.RouteTableId!],
            "owner-id" => [network.AccountId],
            "route.destination-cidr-block" => [DefaultNetwork.VpcCidr, "0.0.0.0/0"],
            "route.gateway-id" => ["local", network.InternetGatewayId],
            "route.state" => ["active"],
            _ => null,
        });
        return ValueTask.FromResult(new DescribeRouteTablesResult { RouteTables = matches ? [table] : [] });
    }

    private RouteTable MainRouteTable() => new()
    {
        RouteTableId = network.RouteTableId,
        VpcId = network.VpcId,
        OwnerId = network.AccountId,
        Associations =
        [
            new RouteTableAssociation
            {
                Main = true,
                RouteTableAssociationId = "rtbassoc-" + network.RouteTableId[4..],
                RouteTableId = network.RouteTableId,
                AssociationState = new RouteTableAssociationState { State = "associated" },
            },
        ],
        Routes =
        [
            new Route { DestinationCidrBlock = DefaultNetwork.VpcCidr, GatewayId = "local", Origin = "CreateRouteTable", State = "active" },
            new Route { DestinationCidrBlock = "0.0.0.0/0", GatewayId = network.InternetGatewayId, Origin = "CreateRoute", State = "active" },
        ],
        PropagatingVgws = [],
        Tags = [],
    };
}
