using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wharf.Protocol.Generated.CloudWatch;

namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>
/// Runs an alarm's actions for its state through the registered <see cref="IAlarmActionHandler"/>s
/// and records each outcome in the alarm's history. An action no handler accepts (an SNS topic,
/// say) is recorded as not run; a failing handler is logged and recorded, never rethrown.
/// </summary>
internal sealed partial class AlarmActionRunner(
    IEnumerable<IAlarmActionHandler> handlers, MetricAlarms alarms, ILogger<AlarmActionRunner> logger)
{
    private readonly IReadOnlyList<IAlarmActionHandler> _handlers = [.. handlers];

    /// <summary>Runs the actions of <paramref name="transition"/>'s state; with <paramref name="repeatOnly"/>, only those a handler accepts, silently.</summary>
    public async Task RunAsync(MetricAlarm alarm, AlarmTransition transition, bool repeatOnly, CancellationToken cancellationToken)
    {
        if (alarm.ActionsEnabled == false)
        {
            return;
        }

        var actions = transition.NewState switch
        {
            AlarmStates.Alarm => alarm.AlarmActions,
            AlarmStates.Ok => alarm.OKActions,
            _ => alarm.InsufficientDataActions,
        } ?? [];
        foreach (var action in actions)
        {
            var handler = _handlers.FirstOrDefault(h => h.Handles(action));
            if (handler is null)
            {
                if (!repeatOnly)
                {
                    await alarms.RecordActionAsync(transition.AlarmName, $"Failed to execute action {action}", Data(action, "Failed", "No handler for this action in Wharf"), cancellationToken);
                }

                continue;
            }

            var invocation = new AlarmActionInvocation(
                transition.AlarmName, transition.AlarmArn, action, transition.NewState, transition.Changed ? transition.OldState : null, transition.Reason, transition.Timestamp);
            try
            {
                await handler.InvokeAsync(invocation, cancellationToken);
                if (!repeatOnly)
                {
                    await alarms.RecordActionAsync(transition.AlarmName, $"Successfully executed action {action}", Data(action, "Succeeded", null), cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogActionFailed(logger, e, transition.AlarmName, action);
                await alarms.RecordActionAsync(transition.AlarmName, $"Failed to execute action {action}", Data(action, "Failed", e.Message), cancellationToken);
            }
        }
    }

    private static string Data(string action, string status, string? error) =>
        JsonSerializer.Serialize(new { actionState = status, notificationResource = action, error });

    [LoggerMessage(EventId = CloudWatchEvents.AlarmActionFailed, Level = LogLevel.Warning, Message = "Alarm {Alarm}: action {Action} failed")]
    private static partial void LogActionFailed(ILogger logger, Exception exception, string alarm, string action);
}
