namespace Wharf.Server.ApplicationAutoScaling;

/// <summary>Log event ids of Application Auto Scaling (66xx).</summary>
internal static class ScalingEvents
{
    public const int Scaled = 6600;
    public const int NotScaled = 6601;
    public const int PolicyMissing = 6602;
    public const int NoMetric = 6603;
    public const int ScheduledRan = 6610;
    public const int ScheduleFailed = 6611;
}
