using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.ApplicationAutoScaling.Engine;
using Xunit;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

public sealed class ScalingPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);

    private static ScalableTargetRecord Target(int min = 1, int max = 10, CooldownState? cooldown = null) => new()
    {
        ServiceNamespace = "ecs",
        ResourceId = "service/c/s",
        ScalableDimension = "ecs:service:DesiredCount",
        Arn = "arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target/0123",
        MinCapacity = min,
        MaxCapacity = max,
        RoleArn = "role",
        CreatedAt = Now,
        Cooldown = cooldown ?? new CooldownState(),
    };

    private static ScalingRequest Tracking(double metric, double target, bool high, bool disableScaleIn = false) => new(
        c => CapacityMath.TargetTracking(c, metric, target, high), high, !high && !disableScaleIn, Cooldown, Cooldown);

    [Fact]
    public void Decide_ScaleOut_StartsTheScaleOutCooldownFromTheOldCapacity()
    {
        var decision = ScalingPlanner.Decide(Target(), 2, Tracking(80, 50, high: true), Now);

        Assert.Equal(4, decision.NewCapacity);
        Assert.Equal(Now + Cooldown, decision.Cooldown.ScaleOutUntil);
        Assert.Equal(2, decision.Cooldown.ScaleOutBase);
    }

    [Fact]
    public void Decide_ScaleOutAboveMax_ClampsToMax()
    {
        var decision = ScalingPlanner.Decide(Target(max: 3), 1, Tracking(400, 50, high: true), Now);
        Assert.Equal(3, decision.NewCapacity);
    }

    [Fact]
    public void Decide_AtMax_NotScaledAlreadyAtMax()
    {
        var decision = ScalingPlanner.Decide(Target(max: 3), 3, Tracking(400, 50, high: true), Now);
        Assert.Null(decision.NewCapacity);
        Assert.Equal(ScalingPlanner.AlreadyAtMax, decision.NotScaledReason);
    }

    [Fact]
    public void Decide_ScaleOutInCooldown_CountsTheCapacityAlreadyAdded()
    {
        // 1 -> 2 at 100 % (target 50); a minute later the metric has not caught up yet.
        var target = Target(cooldown: new CooldownState { ScaleOutUntil = Now + TimeSpan.FromMinutes(4), ScaleOutBase = 1 });

        var same = ScalingPlanner.Decide(target, 2, Tracking(100, 50, high: true), Now);
        Assert.Null(same.NewCapacity);
        Assert.Equal(ScalingPlanner.InCooldown, same.NotScaledReason);

        // The load grew: from the base, 1 x 300 / 50 = 6 > 2, so it scales out within the cooldown.
        var more = ScalingPlanner.Decide(target, 2, Tracking(300, 50, high: true), Now);
        Assert.Equal(6, more.NewCapacity);
    }

    [Fact]
    public void Decide_ScaleOutAfterCooldown_ComputesFromTheCurrentCapacity()
    {
        var target = Target(cooldown: new CooldownState { ScaleOutUntil = Now - TimeSpan.FromSeconds(1), ScaleOutBase = 1 });
        Assert.Equal(4, ScalingPlanner.Decide(target, 2, Tracking(100, 50, high: true), Now).NewCapacity);
    }

    [Fact]
    public void Decide_ScaleInDuringEitherCooldown_Waits()
    {
        var afterOut = Target(cooldown: new CooldownState { ScaleOutUntil = Now + TimeSpan.FromSeconds(30), ScaleOutBase = 2 });
        var afterIn = Target(cooldown: new CooldownState { ScaleInUntil = Now + TimeSpan.FromSeconds(30) });

        Assert.Equal(ScalingPlanner.InCooldown, ScalingPlanner.Decide(afterOut, 4, Tracking(10, 50, high: false), Now).NotScaledReason);
        Assert.Equal(ScalingPlanner.InCooldown, ScalingPlanner.Decide(afterIn, 4, Tracking(10, 50, high: false), Now).NotScaledReason);

        var later = ScalingPlanner.Decide(afterIn, 4, Tracking(10, 50, high: false), Now + TimeSpan.FromSeconds(31));
        Assert.Equal(1, later.NewCapacity);
        Assert.Equal(Now + TimeSpan.FromSeconds(31) + Cooldown, later.Cooldown.ScaleInUntil);
    }

    [Fact]
    public void Decide_ScaleOutDuringScaleInCooldown_GoesAhead()
    {
        var target = Target(cooldown: new CooldownState { ScaleInUntil = Now + TimeSpan.FromMinutes(4) });
        Assert.Equal(3, ScalingPlanner.Decide(target, 2, Tracking(75, 50, high: true), Now).NewCapacity);
    }

    [Fact]
    public void Decide_DisableScaleIn_NeverScalesIn()
    {
        var decision = ScalingPlanner.Decide(Target(), 4, Tracking(10, 50, high: false, disableScaleIn: true), Now);
        Assert.Null(decision.NewCapacity);
        Assert.Equal(ScalingPlanner.ScaleInDisabled, decision.NotScaledReason);
    }

    [Fact]
    public void Decide_HighAlarmWithMetricBelowTarget_DoesNotScaleIn()
    {
        Assert.Null(ScalingPlanner.Decide(Target(), 4, Tracking(10, 50, high: true), Now).NewCapacity);
    }

    [Fact]
    public void Decide_SuspendedDirections_AreHonoured()
    {
        var target = Target() with { DynamicScalingOutSuspended = true, DynamicScalingInSuspended = true };
        Assert.Equal(ScalingPlanner.Suspended, ScalingPlanner.Decide(target, 2, Tracking(100, 50, high: true), Now).NotScaledReason);
        Assert.Equal(ScalingPlanner.Suspended, ScalingPlanner.Decide(target, 4, Tracking(10, 50, high: false), Now).NotScaledReason);
    }

    [Fact]
    public void Decide_StepScaleInBelowMin_ClampsToMin()
    {
        var step = new ScalingRequest(c => CapacityMath.Adjust(c, "ChangeInCapacity", -5, null), true, true, Cooldown, Cooldown);
        Assert.Equal(2, ScalingPlanner.Decide(Target(min: 2), 4, step, Now).NewCapacity);
    }

    [Fact]
    public void Decide_Deploying_HoldsScaleIn_ButNotScaleOut()
    {
        var held = ScalingPlanner.Decide(Target(), 4, Tracking(10, 50, high: false), Now, deploying: true);
        Assert.Null(held.NewCapacity);
        Assert.Equal(ScalingPlanner.DeploymentInProgress, held.NotScaledReason);

        Assert.Equal(4, ScalingPlanner.Decide(Target(), 2, Tracking(100, 50, high: true), Now, deploying: true).NewCapacity);
    }
}
