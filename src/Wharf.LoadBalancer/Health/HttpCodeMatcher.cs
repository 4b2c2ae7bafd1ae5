using System.Globalization;

namespace Wharf.LoadBalancer.Health;

/// <summary>ELBv2's matcher syntax: <c>200</c>, <c>200,202</c>, <c>200-299</c> or a mix.</summary>
internal static class HttpCodeMatcher
{
    public static bool Matches(string matcher, int code)
    {
        foreach (var part in matcher.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var single) && single == code)
                {
                    return true;
                }
            }
            else if (int.TryParse(part.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var low)
                && int.TryParse(part.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var high)
                && code >= low && code <= high)
            {
                return true;
            }
        }

        return false;
    }
}
