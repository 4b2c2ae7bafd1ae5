using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>PutMetricAlarm: creates or overwrites an alarm (its state is kept on overwrite).</summary>
internal sealed class PutMetricAlarmHandler(MetricAlarms alarms) : IOperationHandler<PutMetricAlarmInput, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(PutMetricAlarmInput input, OperationContext context, CancellationToken cancellationToken)
    {
        await alarms.PutAsync(input, cancellationToken);
        return NoOutput.Instance;
    }
}
