namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>The alarm state values.</summary>
internal static class AlarmStates
{
    public const string Ok = "OK";
    public const string Alarm = "ALARM";
    public const string InsufficientData = "INSUFFICIENT_DATA";

    public static bool IsValid(string? state) => state is Ok or Alarm or InsufficientData;
}
