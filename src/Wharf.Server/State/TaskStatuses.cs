namespace Wharf.Server.State;

/// <summary>The ECS task and container status strings, in lifecycle order.</summary>
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

    private static readonly string[] Lifecycle = [Provisioning, Pending, Activating, Running, Deactivating, Stopping, Deprovisioning, Stopped];
    private static readonly string[] ContainerLifecycle = [Pending, Running, Stopped];

    public static int Order(string status) => Array.IndexOf(Lifecycle, status);

    /// <summary>The later of two task statuses: status never moves backwards.</summary>
    public static string Later(string current, string reported) =>
        Order(reported) > Order(current) ? reported : current;

    public static string LaterContainer(string current, string reported) =>
        Array.IndexOf(ContainerLifecycle, reported) > Array.IndexOf(ContainerLifecycle, current) ? reported : current;
}
