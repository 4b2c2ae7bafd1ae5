using Wharf.Core.Model;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>
/// Decides one dynamic scaling step, pure. The capacity is clamped to the target's bounds. A
/// scale-out during a scale-out cooldown is computed from the capacity the cooldown started from,
/// so the capacity already added counts toward it (continuous but not excessive scale-out); a
/// scale-out during a scale-in cooldown goes ahead at once. A scale-in waits for both cooldowns,
/// so a service never shrinks right after it grew. While the service is being deployed, scale-in
/// is held back and scale-out goes on, as Application Auto Scaling does for ECS deployments.
/// </summary>
internal static class ScalingPlanner
{
    public const string AlreadyAtMax = "AlreadyAtMaxCapacity";
    public const string AlreadyAtMin = "AlreadyAtMinCapacity";
    public const string NoChange = "NoChange";
    public const string InCooldown = "InCooldown";
    public const string Suspended = "Suspended";
    public const string ScaleInDisabled = "ScaleInDisabled";
    public const string DeploymentInProgress = "DeploymentInProgress";

    /// <summary>
    /// True while an ECS deployment of the service is under way: more than one deployment, or a
    /// PRIMARY whose rollout is still IN_PROGRESS.
    /// </summary>
    public static bool IsDeploying(ServiceRecord service) =>
        service.Deployments.Count > 1 || service.Deployments is [{ RolloutState: "IN_PROGRESS" }, ..];

    public static ScalingDecision Decide(
        ScalableTargetRecord target, int current, ScalingRequest request, DateTimeOffset now, bool deploying = false)
    {
        var cooldown = target.Cooldown;
        var wanted = request.Compute(current);
        var desired = CapacityMath.Clamp(wanted, target.MinCapacity, target.MaxCapacity);
        if (desired == current)
        {
            return ScalingDecision.NotScaled(cooldown, wanted > current ? AlreadyAtMax : wanted < current ? AlreadyAtMin : NoChange);
        }

        return desired > current ? ScaleOut(target, current, desired, request, now) : ScaleIn(target, current, desired, request, now, deploying);
    }

    private static ScalingDecision ScaleOut(ScalableTargetRecord target, int current, int desired, ScalingRequest request, DateTimeOffset now)
    {
        var cooldown = target.Cooldown;
        if (!request.AllowScaleOut)
        {
            return ScalingDecision.NotScaled(cooldown, NoChange);
        }

        if (target.DynamicScalingOutSuspended)
        {
            return ScalingDecision.NotScaled(cooldown, Suspended);
        }

        if (cooldown.ScaleOutUntil is { } until && now < until)
        {
            var fromBase = CapacityMath.Clamp(request.Compute(cooldown.ScaleOutBase ?? current), target.MinCapacity, target.MaxCapacity);
            if (fromBase <= current)
            {
                return ScalingDecision.NotScaled(cooldown, InCooldown);
            }

            desired = fromBase;
        }

        return new ScalingDecision(desired, cooldown with { ScaleOutUntil = now + request.ScaleOutCooldown, ScaleOutBase = current }, null);
    }

    private static ScalingDecision ScaleIn(
        ScalableTargetRecord target, int current, int desired, ScalingRequest request, DateTimeOffset now, bool deploying)
    {
        var cooldown = target.Cooldown;
        if (!request.AllowScaleIn)
        {
            return ScalingDecision.NotScaled(cooldown, ScaleInDisabled);
        }

        if (target.DynamicScalingInSuspended)
        {
            return ScalingDecision.NotScaled(cooldown, Suspended);
        }

        if (deploying)
        {
            return ScalingDecision.NotScaled(cooldown, DeploymentInProgress);
        }

        if ((cooldown.ScaleInUntil is { } inUntil && now < inUntil) || (cooldown.ScaleOutUntil is { } outUntil && now < outUntil))
        {
            return ScalingDecision.NotScaled(cooldown, InCooldown);
        }

        return new ScalingDecision(desired, cooldown with { ScaleInUntil = now + request.ScaleInCooldown }, null);
    }
}
