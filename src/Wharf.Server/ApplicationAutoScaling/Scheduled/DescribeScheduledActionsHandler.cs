using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Scheduled;

/// <summary>DescribeScheduledActions: the namespace's scheduled actions, filtered and paged.</summary>
internal sealed class DescribeScheduledActionsHandler(ScalingStore store)
    : IOperationHandler<DescribeScheduledActionsRequest, DescribeScheduledActionsResponse>
{
    public async ValueTask<DescribeScheduledActionsResponse> HandleAsync(
        DescribeScheduledActionsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ScalableResource.CheckNamespace(input.ServiceNamespace);
        ScalableResource.CheckDimensionFilter(input.ScalableDimension);
        var names = input.ScheduledActionNames is { Count: > 0 } list ? list.ToHashSet(StringComparer.Ordinal) : null;
        var actions = (await store.AllScheduledActionsAsync(input.ServiceNamespace!, cancellationToken))
            .Select(a => a.Value)
            .Where(a => input.ResourceId is null || a.ResourceId == input.ResourceId)
            .Where(a => input.ScalableDimension is null || a.ScalableDimension == input.ScalableDimension)
            .Where(a => names is null || names.Contains(a.Name))
            .OrderBy(a => a.ResourceId, StringComparer.Ordinal)
            .ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var (page, next) = ScalingPage.Slice(actions, "scheduled", input.NextToken, input.MaxResults);
        return new DescribeScheduledActionsResponse { ScheduledActions = page.Select(ScalingMapper.ToWire).ToList(), NextToken = next };
    }
}
