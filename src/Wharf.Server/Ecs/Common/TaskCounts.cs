using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Common;

/// <summary>How ECS buckets tasks by <c>lastStatus</c> in its counts.</summary>
internal static class TaskCounts
{
    /// <summary>Not yet RUNNING: PROVISIONING, PENDING, ACTIVATING (ECS's <c>pendingTasksCount</c>).</summary>
    public static bool IsPending(TaskRecord task) =>
        task.LastStatus is TaskStatuses.Provisioning or TaskStatuses.Pending or TaskStatuses.Activating;

    /// <summary>RUNNING (ECS's <c>runningTasksCount</c>).</summary>
    public static bool IsRunning(TaskRecord task) => task.LastStatus == TaskStatuses.Running;

    /// <summary>Anything but STOPPED: the task still holds resources and keeps its cluster and instance busy.</summary>
    public static bool IsActive(TaskRecord task) => task.LastStatus != TaskStatuses.Stopped;
}
