using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;

namespace Wharf.Server.Ec2;

/// <summary>
/// DescribeVpcAttribute: the default VPC's DNS settings as AWS sets them on a default VPC (DNS
/// support and DNS hostnames on, network address usage metrics off). One attribute per call.
/// </summary>
internal sealed class DescribeVpcAttributeHandler(DefaultNetwork network)
    : IOperationHandler<DescribeVpcAttributeRequest, DescribeVpcAttributeResult>
{
    public ValueTask<DescribeVpcAttributeResult> HandleAsync(
        DescribeVpcAttributeRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(input.VpcId))
        {
            throw new AwsServiceException("MissingParameter", "The request must contain the parameter vpcId");
        }

        if (string.IsNullOrEmpty(input.Attribute))
        {
            throw new AwsServiceException("MissingParameter", "The request must contain the parameter attribute");
        }

        if (input.VpcId != network.VpcId)
        {
            throw Ec2Errors.VpcNotFound(input.VpcId);
        }

        if (input.DryRun == true)
        {
            throw Ec2Errors.DryRun();
        }

        var result = new DescribeVpcAttributeResult { VpcId = network.VpcId };
        switch (input.Attribute)
        {
            case "enableDnsSupport":
                result.EnableDnsSupport = new AttributeBooleanValue { Value = true };
                break;
            case "enableDnsHostnames":
                result.EnableDnsHostnames = new AttributeBooleanValue { Value = true };
                break;
            case "enableNetworkAddressUsageMetrics":
                result.EnableNetworkAddressUsageMetrics = new AttributeBooleanValue { Value = false };
                break;
            default:
                throw new AwsServiceException("InvalidParameterValue", $"Value ({input.Attribute}) for parameter attribute is invalid. Unknown attribute.");
        }

        return ValueTask.FromResult(result);
    }
}
