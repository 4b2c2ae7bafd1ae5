using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>
/// Evaluates every alarm each tick (<see cref="MetricsOptions.EvaluationInterval"/>): reads the
/// evaluation range, moves the state, and runs the new state's actions on a change, and the
/// handled (Auto Scaling) actions again on every evaluation that stays in ALARM. One alarm's
/// failure does not stop the others.
/// </summary>
internal sealed partial class AlarmEvaluator(
    MetricAlarms alarms,
    MetricStore store,
    AlarmActionRunner actions,
    MetricsOptions options,
    TimeProvider time,
    ILogger<AlarmEvaluator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.EvaluationInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await EvaluateAllAsync(stoppingToken);
        }
    }

    /// <summary>One pass over every alarm.</summary>
    public async Task EvaluateAllAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in await alarms.ListAsync(cancellationToken))
        {
            var alarm = stored.Alarm;
            try
            {
                var now = time.GetUtcNow();
                var (start, end) = AlarmEvaluation.Range(alarm, now);
                var key = MetricQuery.Key(alarm.Namespace!, alarm.MetricName!, alarm.Dimensions);
                var percentile = alarm.ExtendedStatistic is { } e ? MetricQuery.Percentile(e) : null;
                var periods = await store.QueryAsync(
                    key, start, end, TimeSpan.FromSeconds(alarm.Period ?? 60), alarm.Unit, percentile is { } p ? [p] : [], cancellationToken);
                if (AlarmEvaluation.Evaluate(alarm, periods, now) is not { } verdict)
                {
                    continue;
                }

                var transition = await alarms.SetStateAsync(
                    alarm.AlarmName!, verdict.State, verdict.Reason, verdict.ReasonData, cancellationToken, alarm.AlarmConfigurationUpdatedTimestamp);
                if (transition is null)
                {
                    continue;
                }

                if (transition.Changed)
                {
                    LogStateChanged(logger, alarm.AlarmName!, transition.OldState, transition.NewState, transition.Reason);
                    await actions.RunAsync(alarm, transition, repeatOnly: false, cancellationToken);
                }
                else if (transition.NewState == AlarmStates.Alarm)
                {
                    await actions.RunAsync(alarm, transition, repeatOnly: true, cancellationToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogEvaluationFailed(logger, ex, alarm.AlarmName!);
            }
        }
    }

    [LoggerMessage(EventId = CloudWatchEvents.AlarmStateChanged, Level = LogLevel.Information, Message = "Alarm {Alarm}: {OldState} -> {NewState}: {Reason}")]
    private static partial void LogStateChanged(ILogger logger, string alarm, string oldState, string newState, string reason);

    [LoggerMessage(EventId = CloudWatchEvents.EvaluationFailed, Level = LogLevel.Warning, Message = "Alarm {Alarm}: evaluation failed")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception, string alarm);
}
