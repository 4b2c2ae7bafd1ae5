using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Policies;

/// <summary>PutScalingPolicy's checks of a policy configuration, with Application Auto Scaling's rules.</summary>
internal static class PolicyValidation
{
    private const int MaxCooldown = 86400;

    public static string PolicyType(PutScalingPolicyRequest input)
    {
        var type = input.PolicyType ?? PolicyTypeValues.StepScaling;
        if (type == PolicyTypeValues.PredictiveScaling)
        {
            throw ScalingErrors.Validation("PredictiveScaling policies are not supported by this endpoint.");
        }

        if (type == PolicyTypeValues.StepScaling && input.TargetTrackingScalingPolicyConfiguration is not null)
        {
            throw ScalingErrors.Validation("TargetTrackingScalingPolicyConfiguration is not valid for a StepScaling policy.");
        }

        if (type == PolicyTypeValues.TargetTrackingScaling && input.StepScalingPolicyConfiguration is not null)
        {
            throw ScalingErrors.Validation("StepScalingPolicyConfiguration is not valid for a TargetTrackingScaling policy.");
        }

        return type;
    }

    public static StepScalingPolicyConfiguration Step(StepScalingPolicyConfiguration? configuration)
    {
        if (configuration is null)
        {
            throw ScalingErrors.Validation("StepScalingPolicyConfiguration is required for a StepScaling policy.");
        }

        if (configuration.AdjustmentType is null)
        {
            throw ScalingErrors.Validation("AdjustmentType is required for a StepScaling policy.");
        }

        if (configuration.StepAdjustments is not { Count: > 0 } steps)
        {
            throw ScalingErrors.Validation("StepAdjustments must contain at least one step adjustment.");
        }

        if (configuration.MinAdjustmentMagnitude is { } magnitude
            && (configuration.AdjustmentType != AdjustmentTypeValues.PercentChangeInCapacity || magnitude < 1))
        {
            throw ScalingErrors.Validation("MinAdjustmentMagnitude is only valid with the PercentChangeInCapacity adjustment type, and must be at least 1.");
        }

        Cooldown("Cooldown", configuration.Cooldown);
        Intervals(steps);
        return configuration;
    }

    /// <summary>Step intervals must not overlap or leave gaps, and only the outermost may be open.</summary>
    private static void Intervals(List<StepAdjustment> steps)
    {
        foreach (var step in steps)
        {
            if (step.MetricIntervalLowerBound is null && step.MetricIntervalUpperBound is null && steps.Count > 1)
            {
                throw ScalingErrors.Validation("Only one step adjustment can have neither a lower nor an upper bound.");
            }

            if (step.MetricIntervalLowerBound is { } lower && step.MetricIntervalUpperBound is { } upper && lower >= upper)
            {
                throw ScalingErrors.Validation($"The lower bound ({lower}) of a step adjustment must be less than its upper bound ({upper}).");
            }
        }

        var ordered = steps.OrderBy(s => s.MetricIntervalLowerBound ?? double.NegativeInfinity).ToList();
        if (ordered.Skip(1).Any(s => s.MetricIntervalLowerBound is null) || ordered.SkipLast(1).Any(s => s.MetricIntervalUpperBound is null))
        {
            throw ScalingErrors.Validation("Only the lowest step adjustment can have no lower bound and only the highest no upper bound.");
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i - 1].MetricIntervalUpperBound != ordered[i].MetricIntervalLowerBound)
            {
                throw ScalingErrors.Validation("The intervals of step adjustments must not overlap or have a gap between them.");
            }
        }
    }

    public static TargetTrackingScalingPolicyConfiguration TargetTracking(TargetTrackingScalingPolicyConfiguration? configuration)
    {
        if (configuration is null)
        {
            throw ScalingErrors.Validation("TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy.");
        }

        if (configuration.TargetValue is not { } value || !(value > 8.515920e-109) || value > 6.646144e+54)
        {
            throw ScalingErrors.Validation("TargetValue must be a positive number between 8.515920e-109 and 6.646144e+54.");
        }

        Cooldown("ScaleOutCooldown", configuration.ScaleOutCooldown);
        Cooldown("ScaleInCooldown", configuration.ScaleInCooldown);
        return configuration;
    }

    private static void Cooldown(string name, int? seconds)
    {
        if (seconds is < 0 or > MaxCooldown)
        {
            throw ScalingErrors.Validation($"{name} must be between 0 and {MaxCooldown} seconds.");
        }
    }
}
