using System.Text;
using System.Text.RegularExpressions;
using Wharf.Server.Logs.Common;

namespace Wharf.Server.Logs.FilterPatterns;

/// <summary>
/// Parses the term syntax of CloudWatch Logs filter patterns: terms separated by spaces,
/// <c>"quoted phrases"</c> (with <c>\"</c> and <c>\\</c> escapes), a leading <c>-</c> to exclude
/// and <c>?</c> to make a term optional, and <c>%regular expression%</c>. JSON (<c>{ $.… }</c>)
/// and space-delimited (<c>[…]</c>) patterns are refused with InvalidParameterException.
/// </summary>
internal static class FilterPatternParser
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public static FilterPattern Parse(string? pattern)
    {
        var text = pattern?.Trim() ?? string.Empty;
        if (text.Length == 0 || text == "\"\"")
        {
            return FilterPattern.All;
        }

        if (text[0] is '{' or '[')
        {
            throw Invalid("JSON and space-delimited filter patterns are not supported by Wharf; use terms, \"phrases\", -term, ?term or %regex%.");
        }

        var terms = new List<FilterTerm>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var kind = FilterTermKind.Required;
            if (text[i] is '-' or '?' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                kind = text[i] == '-' ? FilterTermKind.Excluded : FilterTermKind.Optional;
                i++;
            }

            terms.Add(text[i] switch
            {
                '"' => new FilterTerm(kind, ReadQuoted(text, ref i), null),
                '%' => ReadRegex(kind, text, ref i),
                _ => new FilterTerm(kind, ReadBare(text, ref i), null),
            });
        }

        return new FilterPattern(terms);
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\' && i < text.Length && text[i] is '"' or '\\')
            {
                c = text[i++];
            }

            value.Append(c);
        }

        throw Invalid("Unterminated quoted term in filter pattern.");
    }

    private static FilterTerm ReadRegex(FilterTermKind kind, string text, ref int i)
    {
        var end = text.IndexOf('%', i + 1);
        if (end < 0)
        {
            throw Invalid("Unterminated regular expression (%...%) in filter pattern.");
        }

        var expression = text[(i + 1)..end];
        i = end + 1;
        try
        {
            return new FilterTerm(kind, expression, new Regex(expression, RegexOptions.CultureInvariant, RegexTimeout));
        }
        catch (ArgumentException e)
        {
            throw Invalid($"Invalid regular expression in filter pattern: {e.Message}");
        }
    }

    private static string ReadBare(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            if (text[i] == '"')
            {
                throw Invalid("A quote may only start a term in a filter pattern.");
            }

            i++;
        }

        return text[start..i];
    }

    private static Protocol.Errors.AwsServiceException Invalid(string detail) =>
        LogsErrors.InvalidParameter($"Invalid filter pattern: {detail}");
}
