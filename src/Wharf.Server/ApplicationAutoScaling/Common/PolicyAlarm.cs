namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>An alarm a target-tracking policy created; <see cref="High"/> for the scale-out one.</summary>
internal sealed record PolicyAlarm(string Name, string Arn, bool High);
