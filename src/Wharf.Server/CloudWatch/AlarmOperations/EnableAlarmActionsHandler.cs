using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>EnableAlarmActions: names that do not exist are ignored, as AWS does.</summary>
internal sealed class EnableAlarmActionsHandler(MetricAlarms alarms) : IOperationHandler<EnableAlarmActionsInput, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(EnableAlarmActionsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        await alarms.SetActionsEnabledAsync(input.AlarmNames ?? [], enabled: true, cancellationToken);
        return NoOutput.Instance;
    }
}
