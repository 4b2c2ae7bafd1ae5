namespace Wharf.LoadBalancer;

/// <summary>The data plane's log event ids, in one place.</summary>
internal static class LogEvents
{
    public const int HealthCheckFailed = 5001;
    public const int TargetTransition = 5002;
    public const int TargetDrained = 5003;
    public const int SnapshotFailed = 5004;
    public const int ListenersChanged = 5005;
    public const int LoopFailed = 5006;
}
