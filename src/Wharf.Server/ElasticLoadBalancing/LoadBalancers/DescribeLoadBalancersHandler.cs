using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.LoadBalancers;

/// <summary>DescribeLoadBalancers by ARNs, by names, or all (paged); any unknown one fails the call.</summary>
internal sealed class DescribeLoadBalancersHandler(ElbState elb) : IOperationHandler<DescribeLoadBalancersInput, DescribeLoadBalancersOutput>
{
    public async ValueTask<DescribeLoadBalancersOutput> HandleAsync(
        DescribeLoadBalancersInput input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.LoadBalancerArns is { Count: > 0 } && input.Names is { Count: > 0 })
        {
            throw ElbErrors.Validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }

        var all = (await elb.LoadBalancersAsync(cancellationToken)).Select(l => l.Value).OrderBy(l => l.CreatedAt).ToList();
        var selected = all;
        if (input.LoadBalancerArns is { Count: > 0 } arns)
        {
            selected = [];
            foreach (var arn in arns.Distinct(StringComparer.Ordinal))
            {
                selected.Add(all.FirstOrDefault(l => l.Arn == arn) ?? throw ElbErrors.LoadBalancerNotFound(arn));
            }
        }
        else if (input.Names is { Count: > 0 } names)
        {
            selected = [];
            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                selected.Add(all.FirstOrDefault(l => l.Name == name) ?? throw ElbErrors.LoadBalancerNotFound(name));
            }
        }

        var (page, next) = Markers.Page(selected, input.Marker, input.PageSize);
        return new DescribeLoadBalancersOutput { LoadBalancers = page.Select(ElbMapper.ToWire).ToList(), NextMarker = next };
    }
}
