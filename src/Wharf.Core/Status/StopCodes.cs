namespace Wharf.Core.Status;

/// <summary>
/// The ECS <c>stopCode</c> values (<c>TaskStopCode</c> in the ECS service model). The stop code says
/// who or what stopped a task; <c>stoppedReason</c> carries the details in words.
/// </summary>
public static class StopCodes
{
    /// <summary>The task never reached RUNNING (image pull, container create or start failed).</summary>
    public const string TaskFailedToStart = "TaskFailedToStart";

    /// <summary>An essential container exited, so the whole task was stopped.</summary>
    public const string EssentialContainerExited = "EssentialContainerExited";

    /// <summary>Someone called StopTask (or deregistered the instance with <c>force</c>).</summary>
    public const string UserInitiated = "UserInitiated";

    /// <summary>The service scheduler stopped it (scale-in, deployment, unhealthy replacement).</summary>
    public const string ServiceSchedulerInitiated = "ServiceSchedulerInitiated";

    /// <summary>A Spot capacity interruption. Never produced by Wharf; kept for wire completeness.</summary>
    public const string SpotInterruption = "SpotInterruption";

    /// <summary>The host is going away (termination notice).</summary>
    public const string TerminationNotice = "TerminationNotice";

    /// <summary>Every value, in the order the ECS service model lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        TaskFailedToStart,
        EssentialContainerExited,
        UserInitiated,
        ServiceSchedulerInitiated,
        SpotInterruption,
        TerminationNotice,
    ];

    /// <summary>True for one of <see cref="All"/> (exact case).</summary>
    public static bool IsKnown(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}
