using System.Text.RegularExpressions;

namespace Wharf.Server.Logs.FilterPatterns;

/// <summary>One term: literal text (case-sensitive substring) or a <c>%regex%</c>.</summary>
internal sealed record FilterTerm(FilterTermKind Kind, string Text, Regex? Regex)
{
    public bool Occurs(string message)
    {
        if (Regex is null)
        {
            return message.Contains(Text, StringComparison.Ordinal);
        }

        try
        {
            return Regex.IsMatch(message);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological expression against a long line counts as no match rather than stalling the scan.
            return false;
        }
    }
}
