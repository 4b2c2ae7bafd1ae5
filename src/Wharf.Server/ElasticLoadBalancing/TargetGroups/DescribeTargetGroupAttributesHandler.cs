using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.TargetGroups;

/// <summary>DescribeTargetGroupAttributes: AWS's defaults overlaid with what was set.</summary>
internal sealed class DescribeTargetGroupAttributesHandler(ElbState elb)
    : IOperationHandler<DescribeTargetGroupAttributesInput, DescribeTargetGroupAttributesOutput>
{
    public async ValueTask<DescribeTargetGroupAttributesOutput> HandleAsync(
        DescribeTargetGroupAttributesInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var group = await elb.TargetGroupAsync(input.TargetGroupArn, cancellationToken);
        return new DescribeTargetGroupAttributesOutput { Attributes = ElbAttributes.ToTargetGroupWire(group.Value.Attributes) };
    }
}
