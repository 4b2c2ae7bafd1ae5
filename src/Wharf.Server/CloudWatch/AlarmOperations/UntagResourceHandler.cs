using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>UntagResource on an alarm ARN.</summary>
internal sealed class UntagResourceHandler(MetricAlarms alarms) : IOperationHandler<UntagResourceInput, UntagResourceOutput>
{
    public async ValueTask<UntagResourceOutput> HandleAsync(UntagResourceInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var arn = input.ResourceARN ?? throw CloudWatchErrors.MissingParameter("The parameter ResourceARN is required.");
        await alarms.UntagAsync(arn, input.TagKeys ?? [], cancellationToken);
        return new UntagResourceOutput();
    }
}
