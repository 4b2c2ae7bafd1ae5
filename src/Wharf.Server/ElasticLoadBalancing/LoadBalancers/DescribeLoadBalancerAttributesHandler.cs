using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.LoadBalancers;

/// <summary>DescribeLoadBalancerAttributes: AWS's defaults overlaid with what was set.</summary>
internal sealed class DescribeLoadBalancerAttributesHandler(ElbState elb)
    : IOperationHandler<DescribeLoadBalancerAttributesInput, DescribeLoadBalancerAttributesOutput>
{
    public async ValueTask<DescribeLoadBalancerAttributesOutput> HandleAsync(
        DescribeLoadBalancerAttributesInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var lb = await elb.LoadBalancerAsync(input.LoadBalancerArn, cancellationToken);
        return new DescribeLoadBalancerAttributesOutput { Attributes = ElbAttributes.ToLoadBalancerWire(lb.Value.Attributes) };
    }
}
