namespace Wharf.Server.CloudWatch;

/// <summary>Log event ids of the CloudWatch metrics and alarms subsystem.</summary>
internal static class CloudWatchEvents
{
    public const int StoreOpened = 1650;
    public const int MaintenanceDone = 1651;
    public const int MaintenanceFailed = 1652;
    public const int AlarmStateChanged = 1660;
    public const int AlarmActionFailed = 1661;
    public const int EvaluationFailed = 1662;
    public const int StatsRejected = 1670;
    public const int PublishFailed = 1671;
}
