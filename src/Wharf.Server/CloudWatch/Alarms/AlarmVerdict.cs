namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>What one evaluation concluded: the state, and AWS's reason text and reason data.</summary>
internal sealed record AlarmVerdict(string State, string Reason, string ReasonData);
