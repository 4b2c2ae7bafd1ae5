using Wharf.Protocol.Generated.ApplicationAutoScaling;

namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>Records to wire shapes.</summary>
internal static class ScalingMapper
{
    public static ScalableTarget ToWire(ScalableTargetRecord target) => new()
    {
        ServiceNamespace = target.ServiceNamespace,
        ResourceId = target.ResourceId,
        ScalableDimension = target.ScalableDimension,
        MinCapacity = target.MinCapacity,
        MaxCapacity = target.MaxCapacity,
        RoleARN = target.RoleArn,
        CreationTime = target.CreatedAt,
        SuspendedState = new SuspendedState
        {
            DynamicScalingInSuspended = target.DynamicScalingInSuspended,
            DynamicScalingOutSuspended = target.DynamicScalingOutSuspended,
            ScheduledScalingSuspended = target.ScheduledScalingSuspended,
        },
        ScalableTargetARN = target.Arn,
    };

    public static ScalingPolicy ToWire(ScalingPolicyRecord policy) => new()
    {
        PolicyARN = policy.Arn,
        PolicyName = policy.PolicyName,
        ServiceNamespace = policy.ServiceNamespace,
        ResourceId = policy.ResourceId,
        ScalableDimension = policy.ScalableDimension,
        PolicyType = policy.PolicyType,
        StepScalingPolicyConfiguration = policy.StepScaling,
        TargetTrackingScalingPolicyConfiguration = policy.TargetTracking,
        Alarms = Alarms(policy),
        CreationTime = policy.CreatedAt,
    };

    public static List<Alarm> Alarms(ScalingPolicyRecord policy) =>
        policy.Alarms.Select(a => new Alarm { AlarmName = a.Name, AlarmARN = a.Arn }).ToList();

    public static ScheduledAction ToWire(ScheduledActionRecord action) => new()
    {
        ScheduledActionName = action.Name,
        ScheduledActionARN = action.Arn,
        ServiceNamespace = action.ServiceNamespace,
        Schedule = action.Schedule,
        Timezone = action.Timezone,
        ResourceId = action.ResourceId,
        ScalableDimension = action.ScalableDimension,
        StartTime = action.StartTime,
        EndTime = action.EndTime,
        ScalableTargetAction = action.MinCapacity is null && action.MaxCapacity is null
            ? null
            : new ScalableTargetAction { MinCapacity = action.MinCapacity, MaxCapacity = action.MaxCapacity },
        CreationTime = action.CreatedAt,
    };

    public static ScalingActivity ToWire(ScalingActivityRecord activity) => new()
    {
        ActivityId = activity.ActivityId,
        ServiceNamespace = activity.ServiceNamespace,
        ResourceId = activity.ResourceId,
        ScalableDimension = activity.ScalableDimension,
        Description = activity.Description,
        Cause = activity.Cause,
        StartTime = activity.StartTime,
        EndTime = activity.EndTime,
        StatusCode = activity.StatusCode,
        StatusMessage = activity.StatusMessage,
        NotScaledReasons = activity.NotScaled is { } reason
            ?
            [
                new NotScaledReason
                {
                    Code = reason.Code, MinCapacity = reason.MinCapacity, MaxCapacity = reason.MaxCapacity, CurrentCapacity = reason.CurrentCapacity,
                },
            ]
            : null,
    };
}
