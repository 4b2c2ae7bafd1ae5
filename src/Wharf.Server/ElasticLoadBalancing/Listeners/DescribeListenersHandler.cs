using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Listeners;

/// <summary>DescribeListeners of a balancer (by port) or by ARNs.</summary>
internal sealed class DescribeListenersHandler(ElbState elb) : IOperationHandler<DescribeListenersInput, DescribeListenersOutput>
{
    public async ValueTask<DescribeListenersOutput> HandleAsync(DescribeListenersInput input, OperationContext context, CancellationToken cancellationToken)
    {
        List<Core.Model.ListenerRecord> selected;
        if (input.ListenerArns is { Count: > 0 } arns)
        {
            if (input.LoadBalancerArn is not null)
            {
                throw ElbErrors.Validation("Listener ARNs and a load balancer ARN cannot be specified at the same time");
            }

            selected = [];
            foreach (var arn in arns.Distinct(StringComparer.Ordinal))
            {
                selected.Add((await elb.ListenerAsync(arn, cancellationToken)).Value);
            }
        }
        else if (input.LoadBalancerArn is { } lb)
        {
            _ = await elb.LoadBalancerAsync(lb, cancellationToken);
            selected = (await elb.ListenersAsync(lb, cancellationToken)).Select(l => l.Value).OrderBy(l => l.Port).ToList();
        }
        else
        {
            throw ElbErrors.Validation("You must specify either listener ARNs or a load balancer ARN");
        }

        var (page, next) = Markers.Page(selected, input.Marker, input.PageSize);
        return new DescribeListenersOutput { Listeners = page.Select(ElbMapper.ToWire).ToList(), NextMarker = next };
    }
}
