namespace Wharf.Agent.Logs;

/// <summary>
/// How far a container's output has been shipped and acknowledged: the Docker timestamp (Unix
/// nanoseconds) of the last shipped record and how many records carried exactly that timestamp
/// (Docker's timestamps may repeat). <see cref="Finished"/>: the container exited and all of its
/// output was shipped.
/// </summary>
internal sealed record LogPosition(long UnixNanos, int CountAtTimestamp, bool Finished = false)
{
    public static LogPosition Start { get; } = new(0, 0);

    /// <summary>Whether a record with this timestamp, the <paramref name="ordinal"/>-th (1-based) with it, was already shipped.</summary>
    public bool Covers(long unixNanos, int ordinal) =>
        unixNanos < UnixNanos || (unixNanos == UnixNanos && ordinal <= CountAtTimestamp);
}
