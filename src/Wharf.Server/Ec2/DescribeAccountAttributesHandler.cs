using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;

namespace Wharf.Server.Ec2;

/// <summary>DescribeAccountAttributes: a VPC-only account whose default VPC is Wharf's.</summary>
internal sealed class DescribeAccountAttributesHandler(DefaultNetwork network)
    : IOperationHandler<DescribeAccountAttributesRequest, DescribeAccountAttributesResult>
{
    public ValueTask<DescribeAccountAttributesResult> HandleAsync(
        DescribeAccountAttributesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.DryRun == true)
        {
            throw Ec2Errors.DryRun();
        }

        var all = new (string Name, string Value)[]
        {
            ("supported-platforms", "VPC"),
            ("default-vpc", network.VpcId),
            ("max-instances", "1000"),
            ("vpc-max-security-groups-per-interface", "5"),
            ("max-elastic-ips", "5"),
            ("vpc-max-elastic-ips", "5"),
        };
        var wanted = input.AttributeNames is { Count: > 0 } names ? all.Where(a => names.Contains(a.Name)) : all;
        return ValueTask.FromResult(new DescribeAccountAttributesResult
        {
            AccountAttributes = wanted.Select(a => new AccountAttribute
            {
                AttributeName = a.Name,
                AttributeValues = [new AccountAttributeValue { AttributeValue = a.Value }],
            }).ToList(),
        });
    }
}
