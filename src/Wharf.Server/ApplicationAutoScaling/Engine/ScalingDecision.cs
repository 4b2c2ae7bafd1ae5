using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>What a policy execution decided: a new capacity and the cooldown it starts, or why not.</summary>
internal sealed record ScalingDecision(int? NewCapacity, CooldownState Cooldown, string? NotScaledReason)
{
    public static ScalingDecision NotScaled(CooldownState cooldown, string reason) => new(null, cooldown, reason);
}
