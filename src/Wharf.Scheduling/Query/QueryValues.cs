using System.Globalization;
using System.Text.RegularExpressions;

namespace Wharf.Scheduling.Query;

/// <summary>Typed conversions and orderings of query values.</summary>
internal static class QueryValues
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Parses the <c>registeredAt</c> formats ECS documents: <c>2018-06-18T22:28:28+00:00</c>,
    /// <c>2018-06-18T22:28:28Z</c>, <c>2018-06-18T22:28:28</c> (UTC) and <c>2018-06-18</c>.
    /// </summary>
    public static bool TryParseDate(string text, out DateTimeOffset instant, out bool dateOnly)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out instant))
        {
            dateOnly = true;
            return true;
        }

        dateOnly = false;
        return DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, styles, out instant);
    }

    public static double? TryNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;

    /// <summary>
    /// Builds the matcher of <c>=~</c>. ECS documents Java regular expressions matched against the
    /// whole value (<c>g2.*</c>). People also write wildcards (<c>t2*</c>, <c>*.small</c>), which as
    /// regular expressions mean something else or nothing; so a <c>*</c> that starts the pattern or
    /// follows a plain character is read as "any run of characters", while one that follows
    /// <c>.</c>, <c>)</c>, <c>]</c>, <c>}</c> or an escape keeps its regex meaning. A pattern that is
    /// still not a valid regular expression is matched as a wildcard, <c>?</c> for one character.
    /// </summary>
    public static Regex? TryBuildPattern(string pattern)
    {
        var anchored = $"^(?:{ExpandWildcards(pattern)})$";
        try
        {
            return new Regex(anchored, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Constructs the linear engine lacks (lookarounds, backreferences): keep them, bounded by a timeout.
            try
            {
                return new Regex(anchored, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        catch (ArgumentException)
        {
            var glob = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";
            return new Regex(glob, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
    }

    /// <summary>Rewrites each wildcard <c>*</c> (see <see cref="TryBuildPattern"/>) as <c>.*</c>.</summary>
    public static string ExpandWildcards(string pattern)
    {
        var result = new System.Text.StringBuilder(pattern.Length + 8);
        var quantifiable = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[++i]);
                quantifiable = true;
                continue;
            }

            if (c == '*' && !quantifiable)
            {
                result.Append(".*");
                quantifiable = false;
                continue;
            }

            result.Append(c);
            quantifiable = c is '.' or ')' or ']' or '}';
        }

        return result.ToString();
    }

    public static bool IsMatch(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Orders attribute values: numerically when both are numbers, otherwise ordinally.</summary>
    public static int CompareAttribute(string actual, QueryValue argument)
    {
        if (argument.Number is { } right && TryNumber(actual) is { } left)
        {
            return left.CompareTo(right);
        }

        return string.CompareOrdinal(actual, argument.Text);
    }

    /// <summary>
    /// Orders dotted versions segment by segment (<c>1.9.0 &lt; 1.14.5</c>): numeric segments
    /// numerically, others ordinally; a missing segment counts as 0.
    /// </summary>
    public static int CompareVersions(string left, string right)
    {
        var l = left.TrimStart('v', 'V').Split('.', '-', '+');
        var r = right.TrimStart('v', 'V').Split('.', '-', '+');
        for (var i = 0; i < Math.Max(l.Length, r.Length); i++)
        {
            var a = i < l.Length ? l[i] : "0";
            var b = i < r.Length ? r[i] : "0";
            var bothNumeric = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var x)
                & long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var order = bothNumeric ? x.CompareTo(y) : string.CompareOrdinal(a, b);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    public static bool Holds(QueryOperator op, int order) => op switch
    {
        QueryOperator.Equals => order == 0,
        QueryOperator.GreaterThan => order > 0,
        QueryOperator.GreaterThanOrEqual => order >= 0,
        QueryOperator.LessThan => order < 0,
        QueryOperator.LessThanOrEqual => order <= 0,
        _ => false,
    };
}
