namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>
/// One policy execution to decide: how the policy computes a capacity from a base capacity, which
/// directions it may move, and its cooldowns.
/// </summary>
/// <param name="Compute">The capacity the policy wants, from a base capacity (unclamped).</param>
/// <param name="AllowScaleOut">False for a target-tracking low alarm.</param>
/// <param name="AllowScaleIn">False for a target-tracking high alarm or with <c>DisableScaleIn</c>.</param>
internal sealed record ScalingRequest(
    Func<int, int> Compute,
    bool AllowScaleOut,
    bool AllowScaleIn,
    TimeSpan ScaleOutCooldown,
    TimeSpan ScaleInCooldown);
