using Wharf.Protocol.Generated.CloudWatch;

namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>
/// Creates, replaces and deletes metric alarms with the same validation as the PutMetricAlarm and
/// DeleteAlarms operations; used by those handlers and by target-tracking scaling policies, which
/// own the alarms they create (as AWS names them: <c>TargetTracking-…-AlarmHigh-…</c>).
/// </summary>
internal interface IMetricAlarms
{
    ValueTask PutAsync(PutMetricAlarmInput input, CancellationToken cancellationToken);

    ValueTask DeleteAsync(IReadOnlyList<string> alarmNames, CancellationToken cancellationToken);

    /// <summary>The alarms whose <c>AlarmActions</c> name <paramref name="actionArn"/>, in name order.</summary>
    ValueTask<IReadOnlyList<MetricAlarm>> WithAlarmActionAsync(string actionArn, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="actionArns"/> from every alarm's <c>AlarmActions</c> (a deleted step scaling policy); the alarms stay.</summary>
    ValueTask RemoveAlarmActionsAsync(IReadOnlyList<string> actionArns, CancellationToken cancellationToken);
}
