using System.Globalization;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Query;

/// <summary>Text forms of scalars in Query requests and XML responses.</summary>
internal static class QueryScalars
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Parses a scalar of <paramref name="type"/>; null when the text does not parse.</summary>
    public static object? Parse(ShapeType type, string text)
    {
        var inv = CultureInfo.InvariantCulture;
        return type switch
        {
            ShapeType.String => text,
            ShapeType.Integer => int.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var i) ? i : null,
            ShapeType.Long => long.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var l) ? l : null,
            ShapeType.Double => double.TryParse(text, NumberStyles.Float, inv, out var d) ? d : null,
            ShapeType.Float => float.TryParse(text, NumberStyles.Float, inv, out var f) ? f : null,
            ShapeType.Boolean => text.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null },
            ShapeType.Timestamp => ParseTimestamp(text),
            ShapeType.Blob => ParseBase64(text),
            _ => null,
        };
    }

    /// <summary>Formats a scalar for an XML response.</summary>
    public static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        DateTimeOffset t => FormatTimestamp(t),
        byte[] bytes => Convert.ToBase64String(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>ISO 8601 in UTC with milliseconds, as AWS Query services write timestamps.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string FormatDouble(double d) =>
        double.IsNaN(d) ? "NaN"
        : double.IsPositiveInfinity(d) ? "Infinity"
        : double.IsNegativeInfinity(d) ? "-Infinity"
        : d.ToString("R", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTimestamp(string text)
    {
        if (DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? Json.EpochSecondsConverter.FromSeconds(seconds)
            : null;
    }

    private static byte[]? ParseBase64(string text)
    {
        var buffer = new byte[((text.Length + 3) / 4) * 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
