namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>
/// What the last dynamic scaling left behind for a target: until when a scale-out cooldown runs and
/// the capacity it started from (a scale-out inside the cooldown is measured from that capacity, so
/// the capacity already added counts toward the next one), and until when a scale-in cooldown runs.
/// </summary>
internal sealed record CooldownState
{
    public DateTimeOffset? ScaleOutUntil { get; init; }

    /// <summary>The capacity before the scale-out that started the running scale-out cooldown.</summary>
    public int? ScaleOutBase { get; init; }

    public DateTimeOffset? ScaleInUntil { get; init; }
}
