namespace Wharf.Agent.Logs;

/// <summary>
/// A log event waiting to be shipped. <see cref="Position"/> is where the container's output is
/// shipped up to once this event is acknowledged; null for all but the last piece of a line cut
/// for size, so a line is only counted shipped when all of it is.
/// </summary>
internal sealed record PendingLine(long Timestamp, string Message, LogPosition? Position)
{
    /// <summary>Roughly the memory it holds, for <c>max-buffer-size</c>.</summary>
    public long Size => (Message.Length * 2L) + 32;
}
