namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>An alarm's state after an update, and the state it left (equal when nothing changed).</summary>
internal sealed record AlarmTransition(string AlarmName, string AlarmArn, string OldState, string NewState, string Reason, DateTimeOffset Timestamp)
{
    public bool Changed => OldState != NewState;
}
