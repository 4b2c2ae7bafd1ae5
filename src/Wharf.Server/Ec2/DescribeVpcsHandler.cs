using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;

namespace Wharf.Server.Ec2;

/// <summary>DescribeVpcs: the one default VPC; an unknown id is refused.</summary>
internal sealed class DescribeVpcsHandler(DefaultNetwork network) : IOperationHandler<DescribeVpcsRequest, DescribeVpcsResult>
{
    public ValueTask<DescribeVpcsResult> HandleAsync(DescribeVpcsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.DryRun == true)
        {
            throw Ec2Errors.DryRun();
        }

        foreach (var id in input.VpcIds ?? [])
        {
            if (id != network.VpcId)
            {
                throw Ec2Errors.VpcNotFound(id);
            }
        }

        var vpc = new Vpc
        {
            VpcId = network.VpcId,
            OwnerId = network.AccountId,
            State = "available",
            CidrBlock = DefaultNetwork.VpcCidr,
            DhcpOptionsId = "dopt-" + network.VpcId[4..],
            InstanceTenancy = "default",
            IsDefault = true,
            CidrBlockAssociationSet =
            [
                new VpcCidrBlockAssociation
                {
                    AssociationId = "vpc-cidr-assoc-" + network.VpcId[4..],
                    CidrBlock = DefaultNetwork.VpcCidr,
                    CidrBlockState = new VpcCidrBlockState { State = "associated" },
                },
            ],
        };
        var matches = Ec2Filters.Match(input.Filters, name => name switch
        {
            "vpc-id" => [vpc.VpcId],
            "is-default" or "isDefault" => ["true"],
            "state" => [vpc.State],
            "cidr" or "cidr-block-association.cidr-block" => [DefaultNetwork.VpcCidr],
            "owner-id" => [network.AccountId],
            _ => null,
        });
        return ValueTask.FromResult(new DescribeVpcsResult { Vpcs = matches ? [vpc] : [] });
    }
}
