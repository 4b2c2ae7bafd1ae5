using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>Scaling activities worded as Application Auto Scaling words them for ECS services.</summary>
internal static class ScalingActivities
{
    public const string Successful = "Successful";
    public const string Failed = "Failed";

    public static ScalingActivityRecord DesiredCount(ScalableResource resource, int desired, string cause, DateTimeOffset now) => new()
    {
        ActivityId = Guid.NewGuid().ToString(),
        ServiceNamespace = resource.ServiceNamespace,
        ResourceId = resource.ResourceId,
        ScalableDimension = resource.ScalableDimension,
        Description = $"Setting desired count to {desired}.",
        Cause = cause,
        StartTime = now,
        EndTime = now,
        StatusCode = Successful,
        StatusMessage = $"Successfully set desired count to {desired}. Change successfully fulfilled by ecs.",
    };

    /// <summary>A policy execution that changed nothing because the capacity is already at a bound.</summary>
    public static ScalingActivityRecord NotScaled(ScalableResource resource, int desired, string cause, NotScaledRecord reason, DateTimeOffset now) => new()
    {
        ActivityId = Guid.NewGuid().ToString(),
        ServiceNamespace = resource.ServiceNamespace,
        ResourceId = resource.ResourceId,
        ScalableDimension = resource.ScalableDimension,
        Description = $"Setting desired count to {desired}.",
        Cause = cause,
        StartTime = now,
        EndTime = now,
        StatusCode = Failed,
        StatusMessage = $"Failed to set desired count to {desired}",
        NotScaled = reason,
    };

    /// <summary>A scheduled action changing the target's bounds.</summary>
    public static ScalingActivityRecord Bounds(ScalableResource resource, int min, int max, string cause, DateTimeOffset now) => new()
    {
        ActivityId = Guid.NewGuid().ToString(),
        ServiceNamespace = resource.ServiceNamespace,
        ResourceId = resource.ResourceId,
        ScalableDimension = resource.ScalableDimension,
        Description = $"Setting min capacity to {min} and max capacity to {max}",
        Cause = cause,
        StartTime = now,
        EndTime = now,
        StatusCode = Successful,
        StatusMessage = $"Successfully set min capacity to {min} and max capacity to {max}",
    };

    public static string AlarmCause(string alarmName, string policyName) => $"monitor alarm {alarmName} in state ALARM triggered policy {policyName}";

    public static string ScheduledCause(string actionName) => $"scheduled action name {actionName} was triggered";

    /// <summary>Why a desired count moved into new bounds.</summary>
    public static string BoundsCause(int current, int min, int max) =>
        current < min ? $"minimum capacity was set to {min}" : $"maximum capacity was set to {max}";
}
