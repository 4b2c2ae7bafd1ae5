using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Activities;

/// <summary>
/// DescribeScalingActivities: the namespace's activities newest first, filtered and paged; not
/// scaled activities (with their NotScaledReasons) only with IncludeNotScaledActivities.
/// </summary>
internal sealed class DescribeScalingActivitiesHandler(ScalingStore store)
    : IOperationHandler<DescribeScalingActivitiesRequest, DescribeScalingActivitiesResponse>
{
    public async ValueTask<DescribeScalingActivitiesResponse> HandleAsync(
        DescribeScalingActivitiesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ScalableResource.CheckNamespace(input.ServiceNamespace);
        ScalableResource.CheckDimensionFilter(input.ScalableDimension);
        var activities = (await store.ActivitiesAsync(input.ServiceNamespace!, cancellationToken))
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Value)
            .Where(a => input.ResourceId is null || a.ResourceId == input.ResourceId)
            .Where(a => input.ScalableDimension is null || a.ScalableDimension == input.ScalableDimension)
            .Where(a => a.NotScaled is null || input.IncludeNotScaledActivities == true)
            .ToList();
        var (page, next) = ScalingPage.Slice(activities, "activities", input.NextToken, input.MaxResults);
        return new DescribeScalingActivitiesResponse { ScalingActivities = page.Select(ScalingMapper.ToWire).ToList(), NextToken = next };
    }
}
