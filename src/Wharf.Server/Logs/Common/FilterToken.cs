using System.Globalization;
using System.Text;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Common;

/// <summary>FilterLogEvents' <c>nextToken</c>: where the previous page stopped scanning, opaque to clients.</summary>
internal static class FilterToken
{
    private const string Prefix = "wharf-logs-filter:";

    public static string Encode(EventPosition position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{Prefix}{position.Timestamp}:{position.Id}")));

    /// <summary>Null for no token; the position, or <see cref="LogsErrors.InvalidNextToken"/>.</summary>
    public static EventPosition? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split(':') : [];
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ts)
                && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                return new EventPosition(ts, id);
            }
        }
        catch (FormatException)
        {
        }

        throw LogsErrors.InvalidNextToken();
    }
}
