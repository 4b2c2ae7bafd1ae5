using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Core.Model;

namespace Wharf.Server.ElasticLoadBalancing.TargetGroups;

/// <summary>ELBv2's limits on health check settings, shared by CreateTargetGroup and ModifyTargetGroup.</summary>
internal static partial class HealthCheckRules
{
    public static void Validate(HealthCheckSettings check)
    {
        if (check.Protocol is not ("HTTP" or "HTTPS"))
        {
            throw Common.ElbErrors.Validation($"Health check protocol '{check.Protocol}' must be HTTP or HTTPS for an application target group");
        }

        if (check.Port != "traffic-port"
            && (!int.TryParse(check.Port, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535))
        {
            throw Common.ElbErrors.Validation($"Health check port '{check.Port}' must be 'traffic-port' or a port from 1 to 65535");
        }

        if (!check.Path.StartsWith('/') || check.Path.Length > 1024)
        {
            throw Common.ElbErrors.Validation($"Health check path '{check.Path}' must start with '/' and be at most 1024 characters");
        }

        Range("Health check interval", check.IntervalSeconds, 5, 300);
        Range("Health check timeout", check.TimeoutSeconds, 2, 120);
        Range("Healthy threshold count", check.HealthyThreshold, 2, 10);
        Range("Unhealthy threshold count", check.UnhealthyThreshold, 2, 10);
        if (check.TimeoutSeconds >= check.IntervalSeconds)
        {
            throw Common.ElbErrors.Validation(
                $"Health check timeout '{check.TimeoutSeconds}' must be smaller than the interval '{check.IntervalSeconds}'");
        }

        if (!MatcherPattern().IsMatch(check.Matcher) || !MatcherCodesInRange(check.Matcher))
        {
            throw Common.ElbErrors.Validation(
                $"Health check matcher HTTP code '{check.Matcher}' must be values like '200', '200,202' or '200-299' between 200 and 499");
        }
    }

    private static bool MatcherCodesInRange(string matcher) =>
        matcher.Split(',', '-').All(c => int.Parse(c, CultureInfo.InvariantCulture) is >= 200 and <= 499);

    private static void Range(string what, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw Common.ElbErrors.Validation($"{what} '{value}' must be from {min} to {max}");
        }
    }

    [GeneratedRegex("^[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*$")]
    private static partial Regex MatcherPattern();
}
