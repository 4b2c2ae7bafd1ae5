namespace Wharf.Server.Logs;

/// <summary>
/// Log event ids of the CloudWatch Logs subsystem (2600–2699), kept beside it rather than in
/// <see cref="ServerEvents"/> so that file stays free of concurrent edits.
/// </summary>
internal static class LogsEvents
{
    public const int StoreOpened = 2600;
    public const int RetentionSwept = 2601;
    public const int BudgetTrimmed = 2602;
    public const int SweepFailed = 2603;
    public const int AgentBatchStored = 2610;
    public const int AgentBatchRefused = 2611;
}
