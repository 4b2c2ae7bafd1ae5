using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.TargetGroups;

/// <summary>DescribeTargetGroups by balancer, ARNs, names, or all; any unknown one fails the call.</summary>
internal sealed class DescribeTargetGroupsHandler(ElbState elb) : IOperationHandler<DescribeTargetGroupsInput, DescribeTargetGroupsOutput>
{
    public async ValueTask<DescribeTargetGroupsOutput> HandleAsync(
        DescribeTargetGroupsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var given = (input.LoadBalancerArn is null ? 0 : 1) + (input.TargetGroupArns is { Count: > 0 } ? 1 : 0) + (input.Names is { Count: > 0 } ? 1 : 0);
        if (given > 1)
        {
            throw ElbErrors.Validation("Only one of load balancer ARN, target group ARNs or names can be specified");
        }

        var all = (await elb.TargetGroupsAsync(cancellationToken)).Select(t => t.Value).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var usage = await elb.TargetGroupUsageAsync(cancellationToken);
        List<TargetGroupRecord> selected;
        if (input.LoadBalancerArn is { } lb)
        {
            _ = await elb.LoadBalancerAsync(lb, cancellationToken);
            selected = all.Where(t => usage.TryGetValue(t.Arn, out var set) && set.Contains(lb)).ToList();
        }
        else if (input.TargetGroupArns is { Count: > 0 } arns)
        {
            selected = arns.Distinct(StringComparer.Ordinal)
                .Select(a => all.FirstOrDefault(t => t.Arn == a) ?? throw ElbErrors.TargetGroupNotFound(a)).ToList();
        }
        else if (input.Names is { Count: > 0 } names)
        {
            selected = names.Distinct(StringComparer.Ordinal)
                .Select(n => all.FirstOrDefault(t => t.Name == n) ?? throw ElbErrors.TargetGroupNotFound(n)).ToList();
        }
        else
        {
            selected = all;
        }

        var (page, next) = Markers.Page(selected, input.Marker, input.PageSize);
        return new DescribeTargetGroupsOutput
        {
            TargetGroups = page.Select(t => ElbMapper.ToWire(t, usage.GetValueOrDefault(t.Arn) ?? [])).ToList(),
            NextMarker = next,
        };
    }
}
