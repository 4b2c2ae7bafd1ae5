using System.Globalization;
using System.Text;

namespace Wharf.Server.Logs.Common;

/// <summary>The opaque <c>nextToken</c> of DescribeLogGroups and DescribeLogStreams: an offset into the ordered listing.</summary>
internal static class PageToken
{
    private const string Prefix = "wharf-logs-page:";

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <summary>0 for no token; the offset, or <see cref="LogsErrors.InvalidNextToken"/>.</summary>
    public static int Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw LogsErrors.InvalidNextToken();
    }
}
