using Wharf.Core.Status;

namespace Wharf.Server.State;

/// <summary>
/// The ECS task and container status strings as the records store them, ordered by Core's
/// lifecycle enums (<see cref="EcsTaskStatus"/>, <see cref="ContainerStatus"/>). A string that
/// names no status orders before every real one, so it never wins over a known status.
/// </summary>
internal static class TaskStatuses
{
    public const string Provisioning = "PROVISIONING";
    public const string Pending = "PENDING";
    public const string Activating = "ACTIVATING";
    public const string Running = "RUNNING";
    public const string Deactivating = "DEACTIVATING";
    public const string Stopping = "STOPPING";
    public const string Deprovisioning = "DEPROVISIONING";
    public const string Stopped = "STOPPED";

    /// <summary>The status's place in the task lifecycle; -1 for an unknown string.</summary>
    public static int Order(string status) =>
        EcsTaskStatus.TryFromEcsString(status, out var parsed) ? (int)parsed - (int)EcsTaskStatus.Provisioning : -1;

    /// <summary>The later of two task statuses: status never moves backwards.</summary>
    public static string Later(string current, string reported) =>
        Order(reported) > Order(current) ? reported : current;

    /// <summary>The later of two container statuses.</summary>
    public static string LaterContainer(string current, string reported) =>
        ContainerOrder(reported) > ContainerOrder(current) ? reported : current;

    private static int ContainerOrder(string status) =>
        ContainerStatus.TryFromEcsString(status, out var parsed) ? (int)parsed - (int)ContainerStatus.Pending : -1;
}
