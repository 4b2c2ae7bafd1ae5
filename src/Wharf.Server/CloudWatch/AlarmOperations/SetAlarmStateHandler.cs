using System.Text.Json;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>SetAlarmState: sets the state until the next evaluation, running the new state's actions on a change.</summary>
internal sealed class SetAlarmStateHandler(MetricAlarms alarms, AlarmActionRunner actions) : IOperationHandler<SetAlarmStateInput, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(SetAlarmStateInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var name = input.AlarmName ?? throw CloudWatchErrors.MissingParameter("The parameter AlarmName is required.");
        var state = input.StateValue ?? throw CloudWatchErrors.MissingParameter("The parameter StateValue is required.");
        var reason = input.StateReason ?? throw CloudWatchErrors.MissingParameter("The parameter StateReason is required.");
        if (!AlarmStates.IsValid(state))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {state} for parameter StateValue is invalid.");
        }

        if (input.StateReasonData is { } data)
        {
            try
            {
                using var _ = JsonDocument.Parse(data);
            }
            catch (JsonException)
            {
                throw CloudWatchErrors.InvalidFormat("The parameter StateReasonData must be valid JSON.");
            }
        }

        var transition = await alarms.SetStateAsync(name, state, reason, input.StateReasonData, cancellationToken)
            ?? throw CloudWatchErrors.AlarmNotFound(name);
        if (transition.Changed)
        {
            var alarm = (await alarms.ListAsync(cancellationToken)).First(a => a.Alarm.AlarmName == name).Alarm;
            await actions.RunAsync(alarm, transition, repeatOnly: false, cancellationToken);
        }

        return NoOutput.Instance;
    }
}
