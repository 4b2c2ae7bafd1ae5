using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Wharf.Agent.Logs;

/// <summary>
/// Reads the body of <c>GET /containers/{id}/logs?timestamps=1</c>: for a container without a
/// TTY, frames of an 8-byte header (stream, 3 zero bytes, big-endian length) and one log record
/// each; with a TTY, raw lines. Every record starts with an RFC 3339 timestamp and a space.
/// </summary>
internal static class DockerLogReader
{
    private const int MaxFrame = 64 * 1024 * 1024;

    public static async IAsyncEnumerable<DockerLogRecord> ReadAsync(Stream body, bool tty, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (tty)
        {
            await foreach (var line in ReadLinesAsync(body, cancellationToken))
            {
                if (Parse(1, line) is { } record)
                {
                    yield return record;
                }
            }

            yield break;
        }

        var header = new byte[8];
        while (await ReadExactlyOrEndAsync(body, header, cancellationToken))
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
            if (length > MaxFrame)
            {
                throw new InvalidDataException($"Docker log frame of {length} bytes.");
            }

            var payload = new byte[length];
            if (!await ReadExactlyOrEndAsync(body, payload, cancellationToken))
            {
                yield break;
            }

            if (Parse(header[0] == 2 ? (byte)2 : (byte)1, payload) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <summary>Splits <c>2026-11-23T13:32:18.123456789Z text</c> into its timestamp and text; null when it has no timestamp.</summary>
    public static DockerLogRecord? Parse(byte stream, ReadOnlyMemory<byte> payload)
    {
        var span = payload.Span;
        var space = span.IndexOf((byte)' ');
        if (space <= 0 || !TryParseTimestamp(System.Text.Encoding.ASCII.GetString(span[..space]), out var nanos))
        {
            return null;
        }

        return new DockerLogRecord(nanos, stream, payload[(space + 1)..]);
    }

    /// <summary>RFC 3339 with up to nanosecond fractions, to Unix nanoseconds.</summary>
    public static bool TryParseTimestamp(string text, out long unixNanos)
    {
        unixNanos = 0;
        if (text.Length < 20)
        {
            return false;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var zone = text.IndexOfAny(['Z', '+', '-'], Math.Max(dot, 19));
        if (zone < 0)
        {
            return false;
        }

        var whole = dot > 0 ? text[..dot] : text[..zone];
        var fraction = dot > 0 ? text[(dot + 1)..zone] : string.Empty;
        if (!DateTimeOffset.TryParse(whole + text[zone..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || fraction.Length > 9 || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        var nanos = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);
        unixNanos = (at.ToUnixTimeSeconds() * 1_000_000_000L) + nanos;
        return true;
    }

    /// <summary>The <c>since</c> query value for a Unix-nanosecond time: <c>seconds.nanoseconds</c>.</summary>
    public static string Since(long unixNanos) =>
        string.Create(CultureInfo.InvariantCulture, $"{unixNanos / 1_000_000_000L}.{unixNanos % 1_000_000_000L:D9}");

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadLinesAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    pending.Write(buffer, start, i - start + 1);
                    yield return pending.ToArray();
                    pending.SetLength(0);
                    start = i + 1;
                }
            }

            pending.Write(buffer, start, read - start);
        }
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                return false;
            }

            filled += read;
        }

        return true;
    }
}
