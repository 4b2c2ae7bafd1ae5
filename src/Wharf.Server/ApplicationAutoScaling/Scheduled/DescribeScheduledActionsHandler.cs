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
        var actions = ScalingFilter.Apply(
            (await store.AllScheduledActionsAsync(input.ServiceNamespace!, cancellationToken)).Select(a => a.Value),
            input.ResourceId, input.ScalableDimension, input.ScheduledActionNames);
        var (page, next) = ScalingPage.Slice(actions, "scheduled", input.NextToken, input.MaxResults);
        return new DescribeScheduledActionsResponse { ScheduledActions = page.Select(ScalingMapper.ToWire).ToList(), NextToken = next };
    }
}
