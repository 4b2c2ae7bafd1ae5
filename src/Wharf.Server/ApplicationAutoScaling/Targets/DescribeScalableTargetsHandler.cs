using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Targets;

/// <summary>DescribeScalableTargets: the namespace's targets, filtered by resource ids and dimension, paged.</summary>
internal sealed class DescribeScalableTargetsHandler(ScalingStore store)
    : IOperationHandler<DescribeScalableTargetsRequest, DescribeScalableTargetsResponse>
{
    public async ValueTask<DescribeScalableTargetsResponse> HandleAsync(
        DescribeScalableTargetsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ScalableResource.CheckNamespace(input.ServiceNamespace);
        ScalableResource.CheckDimensionFilter(input.ScalableDimension);
        var ids = input.ResourceIds is { Count: > 0 } list ? list.ToHashSet(StringComparer.Ordinal) : null;
        var targets = (await store.TargetsAsync(input.ServiceNamespace!, cancellationToken))
            .Select(t => t.Value)
            .Where(t => ids is null || ids.Contains(t.ResourceId))
            .Where(t => input.ScalableDimension is null || t.ScalableDimension == input.ScalableDimension)
            .OrderBy(t => t.ResourceId, StringComparer.Ordinal)
            .ToList();
        var (page, next) = ScalingPage.Slice(targets, "targets", input.NextToken, input.MaxResults);
        return new DescribeScalableTargetsResponse { ScalableTargets = page.Select(ScalingMapper.ToWire).ToList(), NextToken = next };
    }
}
