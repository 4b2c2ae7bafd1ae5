using System.Globalization;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Common;

/// <summary>
/// GetLogEvents' tokens as AWS shapes them: <c>f/…</c> (read on after a position) and
/// <c>b/…</c> (read back from before it), followed by 40 digits and <c>/s</c>. The digits are
/// the position's timestamp and event id, offset to be non-negative. A position sits between
/// events, so a forward token that finds nothing new comes back unchanged — the sign, for a
/// client, that it has reached the end of the stream for now.
/// </summary>
internal readonly record struct EventToken(bool Forward, EventPosition Position)
{
    private const int Digits = 20;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(Forward ? 'f' : 'b')}/{Unsigned(Position.Timestamp).ToString($"D{Digits}", CultureInfo.InvariantCulture)}{Unsigned(Position.Id).ToString($"D{Digits}", CultureInfo.InvariantCulture)}/s");

    /// <summary>Parses a token, or throws <see cref="LogsErrors.InvalidNextToken"/>.</summary>
    public static EventToken Parse(string token)
    {
        var body = token.Length == 2 + (2 * Digits) + 2 && token[1] == '/' && token.EndsWith("/s", StringComparison.Ordinal)
            ? token.AsSpan(2, 2 * Digits)
            : default;
        if ((token.StartsWith("f/", StringComparison.Ordinal) || token.StartsWith("b/", StringComparison.Ordinal))
            && body.Length == 2 * Digits
            && ulong.TryParse(body[..Digits], NumberStyles.None, CultureInfo.InvariantCulture, out var ts)
            && ulong.TryParse(body[Digits..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new EventToken(token[0] == 'f', new EventPosition(Signed(ts), Signed(id)));
        }

        throw LogsErrors.InvalidNextToken();
    }

    private static ulong Unsigned(long value) => unchecked((ulong)value ^ 0x8000_0000_0000_0000UL);

    private static long Signed(ulong value) => unchecked((long)(value ^ 0x8000_0000_0000_0000UL));
}
