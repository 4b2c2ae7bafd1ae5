using System.Net;
using Wharf.Core.Model;

namespace Wharf.LoadBalancer.Routing;

/// <summary>
/// Decides whether a rule's conditions hold for a request, as ALB evaluates them: every condition
/// must hold; within one, any value may match. Path patterns are case-sensitive; host names,
/// header values and query strings are not.
/// </summary>
internal static class RuleMatcher
{
    public static bool Matches(IReadOnlyList<RuleConditionRecord> conditions, RequestFacts request)
    {
        foreach (var condition in conditions)
        {
            if (!Matches(condition, request))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Matches(RuleConditionRecord condition, RequestFacts request) => condition.Field switch
    {
        "path-pattern" => condition.Values.Any(v => Wildcard.IsMatch(v, request.Path, ignoreCase: false)),
        "host-header" => condition.Values.Any(v => Wildcard.IsMatch(v, request.Host, ignoreCase: true)),
        "http-header" => request.Header(condition.HeaderName ?? "")
            .Any(h => condition.Values.Any(v => Wildcard.IsMatch(v, h, ignoreCase: true))),
        "query-string" => condition.QueryStrings.Any(pair => request.Query.Any(q =>
            (pair.Key is null || Wildcard.IsMatch(pair.Key, q.Key, ignoreCase: true)) && Wildcard.IsMatch(pair.Value, q.Value, ignoreCase: true))),
        "http-request-method" => condition.Values.Contains(request.Method, StringComparer.Ordinal),
        "source-ip" => request.SourceIp is { } ip && condition.Values.Any(v => InNetwork(v, ip)),
        _ => false,
    };

    private static bool InNetwork(string cidr, IPAddress address)
    {
        if (!IPNetwork.TryParse(cidr, out var network))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6 && network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address = address.MapToIPv4();
        }

        return network.Contains(address);
    }
}
