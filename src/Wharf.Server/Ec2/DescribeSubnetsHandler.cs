using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;

namespace Wharf.Server.Ec2;

/// <summary>DescribeSubnets: one default subnet per availability zone of the hosts; an unknown id is refused.</summary>
internal sealed class DescribeSubnetsHandler(DefaultNetwork network) : IOperationHandler<DescribeSubnetsRequest, DescribeSubnetsResult>
{
    public async ValueTask<DescribeSubnetsResult> HandleAsync(DescribeSubnetsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.DryRun == true)
        {
            throw Ec2Errors.DryRun();
        }

        var all = (await network.SubnetsAsync(cancellationToken)).Select(z => new Subnet
        {
            SubnetId = z.SubnetId,
            SubnetArn = $"arn:aws:ec2:{network.Region}:{network.AccountId}:subnet/{z.SubnetId}",
            VpcId = network.VpcId,
            State = "available",
            AvailabilityZone = z.ZoneName,
            AvailabilityZoneId = ZoneIds.Of(z.ZoneName),
            CidrBlock = DefaultNetwork.SubnetCidr(z.ZoneName),
            AvailableIpAddressCount = 4091,
            DefaultForAz = true,
            MapPublicIpOnLaunch = true,
            OwnerId = network.AccountId,
            AssignIpv6AddressOnCreation = false,
            Ipv6CidrBlockAssociationSet = [],
        }).ToList();

        foreach (var id in input.SubnetIds ?? [])
        {
            if (all.All(s => s.SubnetId != id))
            {
                throw Ec2Errors.SubnetNotFound(id);
            }
        }

        var selected = all.Where(s => (input.SubnetIds is not { Count: > 0 } || input.SubnetIds.Contains(s.SubnetId!))
            && Ec2Filters.Match(input.Filters, name => name switch
            {
                "subnet-id" => [s.SubnetId!],
                "vpc-id" => [s.VpcId!],
                "availability-zone" or "availabilityZone" => [s.AvailabilityZone!],
                "availability-zone-id" => [s.AvailabilityZoneId!],
                "default-for-az" or "defaultForAz" => ["true"],
                "state" => ["available"],
                "cidr-block" => [s.CidrBlock!],
                "owner-id" => [network.AccountId],
                _ => null,
            })).ToList();
        return new DescribeSubnetsResult { Subnets = selected };
    }
}
