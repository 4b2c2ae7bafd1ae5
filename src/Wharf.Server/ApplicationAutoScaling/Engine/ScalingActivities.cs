using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>Scaling activities worded as Application Auto Scaling words them for ECS services.</summary>
internal static class ScalingActivities
{
    public const string Successful = "Successful";
    public const string Failed = "Failed";

    public static ScalingActivityRecord DesiredCount(ScalableResource resource, int desired, string cause, DateTimeOffset now) =>
        Activity(resource, cause, now, $"Setting desired count to {desired}.", Successful,
            $"Successfully set desired count to {desired}. Change successfully fulfilled by ecs.");

    /// <summary>A policy execution that changed nothing because the capacity is already at a bound.</summary>
    public static ScalingActivityRecord NotScaled(ScalableResource resource, int desired, string cause, NotScaledRecord reason, DateTimeOffset now) =>
        Activity(resource, cause, now, $"Setting desired count to {desired}.", Failed, $"Failed to set desired count to {desired}")
            with { NotScaled = reason };

    /// <summary>A scheduled action changing the target's bounds.</summary>
    public static ScalingActivityRecord Bounds(ScalableResource resource, int min, int max, string cause, DateTimeOffset now) =>
        Activity(resource, cause, now, $"Setting min capacity to {min} and max capacity to {max}", Successful,
            $"Successfully set min capacity to {min} and max capacity to {max}");

    public static string AlarmCause(string alarmName, string policyName) => $"monitor alarm {alarmName} in state ALARM triggered policy {policyName}";

    public static string ScheduledCause(string actionName) => $"scheduled action name {actionName} was triggered";

    /// <summary>Why a desired count moved into new bounds.</summary>
    public static string BoundsCause(int current, int min, int max) =>
        current < min ? $"minimum capacity was set to {min}" : $"maximum capacity was set to {max}";

    /// <summary>An activity that started and ended at <paramref name="now"/>.</summary>
    private static ScalingActivityRecord Activity(
        ScalableResource resource, string cause, DateTimeOffset now, string description, string status, string message) => new()
    {
        ActivityId = Guid.NewGuid().ToString(),
        ServiceNamespace = resource.ServiceNamespace,
        ResourceId = resource.ResourceId,
        ScalableDimension = resource.ScalableDimension,
        Description = description,
        Cause = cause,
        StartTime = now,
        EndTime = now,
        StatusCode = status,
        StatusMessage = message,
    };
}
