using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Listeners;

/// <summary>DescribeListenerAttributes: AWS's defaults for HTTP listeners overlaid with what was set.</summary>
internal sealed class DescribeListenerAttributesHandler(ElbState elb)
    : IOperationHandler<DescribeListenerAttributesInput, DescribeListenerAttributesOutput>
{
    public async ValueTask<DescribeListenerAttributesOutput> HandleAsync(
        DescribeListenerAttributesInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var listener = await elb.ListenerAsync(input.ListenerArn, cancellationToken);
        return new DescribeListenerAttributesOutput { Attributes = ElbAttributes.ToListenerWire(listener.Value.Attributes) };
    }
}
