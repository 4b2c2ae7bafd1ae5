using System.Buffers.Text;
using System.Text;

namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>
/// Opaque <c>NextToken</c>s for the Describe operations: base64url of <c>aas1|scope|offset</c>.
/// <c>MaxResults</c> is 1 to 50 (default 50) as AWS allows.
/// </summary>
internal static class ScalingPage
{
    public const int Max = 50;

    public static (List<T> Items, string? NextToken) Slice<T>(IReadOnlyList<T> ordered, string scope, string? nextToken, int? maxResults)
    {
        var max = maxResults ?? Max;
        if (max is < 1 or > Max)
        {
            throw ScalingErrors.Validation($"MaxResults must be between 1 and {Max}.");
        }

        var start = Decode(nextToken, scope);
        var items = ordered.Skip(start).Take(max).ToList();
        var end = start + items.Count;
        return (items, end < ordered.Count ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"aas1|{scope}|{end}")) : null);
    }

    private static int Decode(string? token, string scope)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var last = text.LastIndexOf('|');
            if (last > 0 && text[..last] == $"aas1|{scope}"
                && int.TryParse(text[(last + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Not base64url: falls through to the error.
        }

        throw ScalingErrors.InvalidNextToken();
    }
}
