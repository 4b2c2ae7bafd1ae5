using System.Text;

namespace Wharf.Agent.Logs;

/// <summary>
/// Turns Docker log records into log events as the awslogs driver does: pieces of a long line
/// are joined, the trailing newline dropped, empty lines skipped, bytes decoded as UTF-8 with
/// invalid sequences replaced by U+FFFD, and events longer than CloudWatch Logs takes cut into
/// several (at 256 KiB less the 26 bytes of per-event overhead, on character boundaries).
/// Records the <see cref="LogPosition"/> says were shipped are skipped. One instance per
/// container stream; not thread-safe.
/// </summary>
internal sealed class LogLineAssembler(LogPosition resumeFrom)
{
    public const int MaxEventBytes = (256 * 1024) - 26;

    private readonly Dictionary<byte, (long Timestamp, MemoryStream Bytes)> _partial = [];
    private long _lastNanos = long.MinValue;
    private int _ordinal;

    public IEnumerable<PendingLine> Add(DockerLogRecord record)
    {
        _ordinal = record.UnixNanos == _lastNanos ? _ordinal + 1 : 1;
        _lastNanos = record.UnixNanos;
        if (resumeFrom.Covers(record.UnixNanos, _ordinal))
        {
            return [];
        }

        var position = new LogPosition(record.UnixNanos, _ordinal);
        if (!_partial.TryGetValue(record.Stream, out var line))
        {
            line = (record.UnixNanos / 1_000_000, new MemoryStream());
        }

        line.Bytes.Write(record.Content.Span);
        if (record.IsPartial)
        {
            _partial[record.Stream] = line;
            return [];
        }

        _partial.Remove(record.Stream);
        var bytes = line.Bytes.GetBuffer().AsSpan(0, (int)line.Bytes.Length);
        bytes = bytes.EndsWith("\r\n"u8) ? bytes[..^2] : bytes[..^1];
        if (bytes.IsEmpty)
        {
            return [new PendingLine(line.Timestamp, string.Empty, position)];
        }

        var pieces = Split(Encoding.UTF8.GetString(bytes));
        return pieces.Select((text, i) => new PendingLine(line.Timestamp, text, i == pieces.Count - 1 ? position : null));
    }

    /// <summary>Cuts text into pieces of at most <see cref="MaxEventBytes"/> UTF-8 bytes, never inside a character.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) <= MaxEventBytes)
        {
            return [text];
        }

        var pieces = new List<string>();
        var start = 0;
        var bytes = 0;
        for (var i = 0; i < text.Length;)
        {
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(i, width));
            if (bytes + size > MaxEventBytes)
            {
                pieces.Add(text[start..i]);
                start = i;
                bytes = 0;
            }

            bytes += size;
            i += width;
        }

        pieces.Add(text[start..]);
        return pieces;
    }
}
