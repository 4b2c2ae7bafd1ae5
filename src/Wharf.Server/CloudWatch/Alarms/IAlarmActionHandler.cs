namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>
/// Runs alarm actions of one kind. The alarm evaluator calls every handler whose
/// <see cref="Handles"/> accepts an action ARN: on a state change for the state's action list,
/// and, as CloudWatch does for Auto Scaling actions, again on every evaluation while the alarm
/// stays in ALARM (the scaling policy's cooldown decides whether anything happens).
/// Application Auto Scaling registers one for <c>arn:aws:autoscaling:…:scalingPolicy:…</c> ARNs.
/// </summary>
internal interface IAlarmActionHandler
{
    bool Handles(string actionArn);

    ValueTask InvokeAsync(AlarmActionInvocation invocation, CancellationToken cancellationToken);
}
