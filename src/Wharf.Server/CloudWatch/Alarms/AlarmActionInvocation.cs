namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>One alarm action to run: the alarm that fired, the action ARN, and the state it is in.</summary>
internal sealed record AlarmActionInvocation(
    string AlarmName,
    string AlarmArn,
    string ActionArn,
    string NewState,
    string? OldState,
    string Reason,
    DateTimeOffset Timestamp);
