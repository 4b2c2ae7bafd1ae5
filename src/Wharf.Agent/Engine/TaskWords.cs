namespace Wharf.Agent.Engine;

/// <summary>The ECS words the agent reports, in one place.</summary>
internal static class TaskWords
{
    public const string Running = "RUNNING";
    public const string Stopped = "STOPPED";

    public const string EssentialContainerExited = "EssentialContainerExited";
    public const string TaskFailedToStart = "TaskFailedToStart";
    public const string EssentialContainerExitedReason = "Essential container in task exited";
    public const string OutOfMemoryReason = "OutOfMemoryError: Container killed due to memory usage";
    public const string CannotPullContainerError = "CannotPullContainerError";
    public const string CannotCreateContainerError = "CannotCreateContainerError";
    public const string CannotStartContainerError = "CannotStartContainerError";
    /// <summary>ECS's word for a task whose resources (here: the awsvpc network, its pause container) could not be set up.</summary>
    public const string ResourceInitializationError = "ResourceInitializationError";

    public const string Healthy = "HEALTHY";
    public const string Unhealthy = "UNHEALTHY";
    public const string Unknown = "UNKNOWN";

    public static string ToWire(this ManagedTaskStatus status) => status switch
    {
        ManagedTaskStatus.Pending => "PENDING",
        ManagedTaskStatus.Running => Running,
        ManagedTaskStatus.Stopping => "STOPPING",
        _ => Stopped,
    };

    public static string ToWire(this ContainerStatus status) => status switch
    {
        ContainerStatus.Running => Running,
        ContainerStatus.Stopped => Stopped,
        _ => "PENDING",
    };

    /// <summary>Docker's health word (<c>starting</c>, <c>healthy</c>, <c>unhealthy</c>) as ECS reports it.</summary>
    public static string HealthToWire(string? dockerHealth) => dockerHealth switch
    {
        "healthy" => Healthy,
        "unhealthy" => Unhealthy,
        _ => Unknown,
    };
}
