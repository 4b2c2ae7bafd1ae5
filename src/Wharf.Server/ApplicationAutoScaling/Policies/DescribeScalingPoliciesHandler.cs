using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Policies;

/// <summary>DescribeScalingPolicies: the namespace's policies with their alarms, filtered and paged.</summary>
internal sealed class DescribeScalingPoliciesHandler(ScalingStore store)
    : IOperationHandler<DescribeScalingPoliciesRequest, DescribeScalingPoliciesResponse>
{
    public async ValueTask<DescribeScalingPoliciesResponse> HandleAsync(
        DescribeScalingPoliciesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ScalableResource.CheckNamespace(input.ServiceNamespace);
        ScalableResource.CheckDimensionFilter(input.ScalableDimension);
        var names = input.PolicyNames is { Count: > 0 } list ? list.ToHashSet(StringComparer.Ordinal) : null;
        var policies = (await store.AllPoliciesAsync(input.ServiceNamespace!, cancellationToken))
            .Select(p => p.Value)
            .Where(p => input.ResourceId is null || p.ResourceId == input.ResourceId)
            .Where(p => input.ScalableDimension is null || p.ScalableDimension == input.ScalableDimension)
            .Where(p => names is null || names.Contains(p.PolicyName))
            .OrderBy(p => p.ResourceId, StringComparer.Ordinal)
            .ThenBy(p => p.PolicyName, StringComparer.Ordinal)
            .ToList();
        var (page, next) = ScalingPage.Slice(policies, "policies", input.NextToken, input.MaxResults);
        return new DescribeScalingPoliciesResponse { ScalingPolicies = page.Select(ScalingMapper.ToWire).ToList(), NextToken = next };
    }
}
