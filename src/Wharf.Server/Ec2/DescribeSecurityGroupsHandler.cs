using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;

namespace Wharf.Server.Ec2;

/// <summary>DescribeSecurityGroups: the default VPC's <c>default</c> group; unknown ids or names are refused.</summary>
internal sealed class DescribeSecurityGroupsHandler(DefaultNetwork network)
    : IOperationHandler<DescribeSecurityGroupsRequest, DescribeSecurityGroupsResult>
{
    public ValueTask<DescribeSecurityGroupsResult> HandleAsync(
        DescribeSecurityGroupsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.DryRun == true)
        {
            throw Ec2Errors.DryRun();
        }

        foreach (var id in input.GroupIds ?? [])
        {
            if (id != network.SecurityGroupId)
            {
                throw Ec2Errors.GroupIdNotFound(id);
            }
        }

        foreach (var name in input.GroupNames ?? [])
        {
            if (name != "default")
            {
                throw Ec2Errors.GroupNameNotFound(name);
            }
        }

        var group = new SecurityGroup
        {
            GroupId = network.SecurityGroupId,
            GroupName = "default",
            Description = "default VPC security group",
            VpcId = network.VpcId,
            OwnerId = network.AccountId,
            SecurityGroupArn = $"arn:aws:ec2:{network.Region}:{network.AccountId}:security-group/{network.SecurityGroupId}",
            IpPermissions =
            [
                new IpPermission
                {
                    IpProtocol = "-1",
                    UserIdGroupPairs = [new UserIdGroupPair { GroupId = network.SecurityGroupId, UserId = network.AccountId }],
                    IpRanges = [],
                    Ipv6Ranges = [],
                    PrefixListIds = [],
                },
            ],
            IpPermissionsEgress =
            [
                new IpPermission
                {
                    IpProtocol = "-1",
                    IpRanges = [new IpRange { CidrIp = "0.0.0.0/0" }],
                    UserIdGroupPairs = [],
                    Ipv6Ranges = [],
                    PrefixListIds = [],
                },
            ],
        };
        var matches = Ec2Filters.Match(input.Filters, name => name switch
        {
            "group-id" => [group.GroupId],
            "group-name" => [group.GroupName],
            "vpc-id" => [group.VpcId],
            "owner-id" => [network.AccountId],
            "description" => [group.Description],
            _ => null,
        });
        return ValueTask.FromResult(new DescribeSecurityGroupsResult { SecurityGroups = matches ? [group] : [] });
    }
}
