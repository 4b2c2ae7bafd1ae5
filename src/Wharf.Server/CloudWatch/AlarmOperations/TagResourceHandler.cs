using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>TagResource on an alarm ARN.</summary>
internal sealed class TagResourceHandler(MetricAlarms alarms) : IOperationHandler<TagResourceInput, TagResourceOutput>
{
    public async ValueTask<TagResourceOutput> HandleAsync(TagResourceInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var arn = input.ResourceARN ?? throw CloudWatchErrors.MissingParameter("The parameter ResourceARN is required.");
        await alarms.TagAsync(arn, input.Tags ?? [], cancellationToken);
        return new TagResourceOutput();
    }
}
