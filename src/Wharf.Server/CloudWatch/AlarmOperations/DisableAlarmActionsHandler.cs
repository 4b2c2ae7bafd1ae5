using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>DisableAlarmActions: names that do not exist are ignored, as AWS does.</summary>
internal sealed class DisableAlarmActionsHandler(MetricAlarms alarms) : IOperationHandler<DisableAlarmActionsInput, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(DisableAlarmActionsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        await alarms.SetActionsEnabledAsync(input.AlarmNames ?? [], enabled: false, cancellationToken);
        return NoOutput.Instance;
    }
}
