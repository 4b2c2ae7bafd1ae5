using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>DeleteAlarms: every named alarm must exist, or nothing is deleted.</summary>
internal sealed class DeleteAlarmsHandler(MetricAlarms alarms) : IOperationHandler<DeleteAlarmsInput, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(DeleteAlarmsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var names = input.AlarmNames ?? [];
        if (names.Count == 0)
        {
            throw CloudWatchErrors.MissingParameter("The parameter AlarmNames is required.");
        }

        if (names.Count > 100)
        {
            throw CloudWatchErrors.InvalidParameterValue("The collection AlarmNames must not have a size greater than 100.");
        }

        await alarms.DeleteAsync(names, cancellationToken);
        return NoOutput.Instance;
    }
}
