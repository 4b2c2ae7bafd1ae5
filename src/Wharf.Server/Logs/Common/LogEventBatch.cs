using System.Text;

namespace Wharf.Server.Logs.Common;

/// <summary>
/// PutLogEvents' batch rules, pure: at most 10,000 events and 1,048,576 bytes (UTF-8 message
/// bytes plus 26 per event), in chronological order, spanning at most 24 hours; events more than
/// 2 hours in the future, more than 14 days old or older than the group's retention are rejected
/// (reported by index) while the rest are accepted.
/// </summary>
internal static class LogEventBatch
{
    public const int MaxEvents = 10_000;
    public const int MaxBatchBytes = 1_048_576;
    public const int PerEventOverhead = 26;
    private static readonly long MaxFutureMs = (long)TimeSpan.FromHours(2).TotalMilliseconds;
    private static readonly long MaxAgeMs = (long)TimeSpan.FromDays(14).TotalMilliseconds;
    private static readonly long MaxSpanMs = (long)TimeSpan.FromHours(24).TotalMilliseconds;

    /// <summary>Which events of a batch are stored: [<see cref="Start"/>, <see cref="End"/>), with the rejections.</summary>
    public readonly record struct Verdict(int Start, int End, int? TooOldEndIndex, int? ExpiredEndIndex, int? TooNewStartIndex)
    {
        public bool AnyRejected => TooOldEndIndex is not null || ExpiredEndIndex is not null || TooNewStartIndex is not null;
    }

    /// <summary>Checks the batch; throws InvalidParameterException when the whole batch is refused.</summary>
    public static Verdict Check(IReadOnlyList<(long Timestamp, string Message)> events, long now, int? retentionDays)
    {
        if (events.Count > MaxEvents)
        {
            throw LogsErrors.InvalidParameter($"The maximum number of log events in a batch is {MaxEvents}.");
        }

        long bytes = 0;
        for (var i = 0; i < events.Count; i++)
        {
            bytes += Encoding.UTF8.GetByteCount(events[i].Message) + PerEventOverhead;
            if (i > 0 && events[i].Timestamp < events[i - 1].Timestamp)
            {
                throw LogsErrors.InvalidParameter("Log events in a single PutLogEvents request must be in chronological order.");
            }
        }

        if (bytes > MaxBatchBytes)
        {
            throw LogsErrors.InvalidParameter($"Upload too large: {bytes} bytes exceeds limit of {MaxBatchBytes}");
        }

        var tooOldBefore = now - MaxAgeMs;
        var expiredBefore = retentionDays is { } days ? now - (long)TimeSpan.FromDays(days).TotalMilliseconds : long.MinValue;
        var tooNewAfter = now + MaxFutureMs;

        var start = 0;
        while (start < events.Count && (events[start].Timestamp < tooOldBefore || events[start].Timestamp < expiredBefore))
        {
            start++;
        }

        var end = events.Count;
        while (end > start && events[end - 1].Timestamp > tooNewAfter)
        {
            end--;
        }

        if (end - start > 1 && events[end - 1].Timestamp - events[start].Timestamp > MaxSpanMs)
        {
            throw LogsErrors.InvalidParameter("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }

        var tooOld = 0;
        while (tooOld < start && events[tooOld].Timestamp < tooOldBefore)
        {
            tooOld++;
        }

        return new Verdict(
            start,
            end,
            tooOld > 0 ? tooOld : null,
            start > 0 && expiredBefore != long.MinValue && events[start - 1].Timestamp < expiredBefore ? start : null,
            end < events.Count ? end : null);
    }
}
