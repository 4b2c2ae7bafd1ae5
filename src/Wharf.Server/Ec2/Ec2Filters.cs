using Wharf.Protocol.Generated.Ec2;

namespace Wharf.Server.Ec2;

/// <summary>EC2 <c>Filters</c>: every filter must match (AND); a filter's values are ORed, with * and ? wildcards.</summary>
internal static class Ec2Filters
{
    /// <summary>True when <paramref name="fields"/> satisfy every filter; unknown filter names match nothing.</summary>
    public static bool Match(IReadOnlyList<Filter>? filters, Func<string, IEnumerable<string>?> fields)
    {
        foreach (var filter in filters ?? [])
        {
            var actual = fields(filter.Name ?? "");
            if (actual is null || !actual.Any(a => (filter.Values ?? []).Any(v => Wildcard(v, a))))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Wildcard(string pattern, string value)
    {
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal)
            .Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(value, regex);
    }
}
