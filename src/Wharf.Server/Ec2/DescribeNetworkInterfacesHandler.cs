using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;

namespace Wharf.Server.Ec2;

/// <summary>
/// DescribeNetworkInterfaces: Wharf gives neither its balancers nor its tasks elastic network
/// interfaces (balancers listen on the host, tasks use bridge or host networking), so every
/// filter matches nothing and any id is unknown. Terraform's provider asks it after deleting an
/// <c>aws_lb</c>, to wait until the balancer's interfaces are gone.
/// </summary>
internal sealed class DescribeNetworkInterfacesHandler
    : IOperationHandler<DescribeNetworkInterfacesRequest, DescribeNetworkInterfacesResult>
{
    public ValueTask<DescribeNetworkInterfacesResult> HandleAsync(
        DescribeNetworkInterfacesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.DryRun == true)
        {
            throw Ec2Errors.DryRun();
        }

        if (input.NetworkInterfaceIds is [var first, ..])
        {
            throw Ec2Errors.NetworkInterfaceNotFound(first);
        }

        return ValueTask.FromResult(new DescribeNetworkInterfacesResult { NetworkInterfaces = [] });
    }
}
