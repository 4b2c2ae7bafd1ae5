using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>ListTagsForResource on an alarm ARN.</summary>
internal sealed class ListTagsForResourceHandler(MetricAlarms alarms) : IOperationHandler<ListTagsForResourceInput, ListTagsForResourceOutput>
{
    public async ValueTask<ListTagsForResourceOutput> HandleAsync(
        ListTagsForResourceInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var arn = input.ResourceARN ?? throw CloudWatchErrors.MissingParameter("The parameter ResourceARN is required.");
        return new ListTagsForResourceOutput { Tags = [.. await alarms.TagsAsync(arn, cancellationToken)] };
    }
}
