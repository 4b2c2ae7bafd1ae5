using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>
/// What one scaling step commits: the target as it becomes (bounds, cooldowns), the service's new
/// desired count (null to keep it) and why, and any activity that is not a desired-count change
/// (a scheduled action setting bounds).
/// </summary>
internal sealed record CapacityChange(
    ScalableTargetRecord Target,
    int? DesiredCount,
    string Cause,
    IReadOnlyList<ScalingActivityRecord>? OtherActivities = null);
