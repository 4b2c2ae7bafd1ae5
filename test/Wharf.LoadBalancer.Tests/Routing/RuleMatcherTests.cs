using System.Net;
using Wharf.Core.Model;
using Wharf.LoadBalancer.Routing;
using Xunit;

namespace Wharf.LoadBalancer.Tests.Routing;

public sealed class RuleMatcherTests
{
    internal static RequestFacts Request(
        string path = "/", string host = "app.example.com", string method = "GET", string query = "",
        Dictionary<string, string>? headers = null, string ip = "10.0.0.5")
    {
        var pairs = query.Length == 0
            ? []
            : query.Split('&').Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : "")).ToList();
        var h = new Dictionary<string, string>(headers ?? [], StringComparer.OrdinalIgnoreCase);
        return new RequestFacts(method, host, path, pairs, name => h.TryGetValue(name, out var v) ? [v] : [], IPAddress.Parse(ip));
    }

    private static RuleConditionRecord Condition(string field, params string[] values) => new() { Field = field, Values = values };

    [Theory]
    [InlineData("/random*", "/random", true)]
    [InlineData("/random*", "/random/42", true)]
    [InlineData("/random*", "/Random/42", false)]
    [InlineData("/img/*.png", "/img/a/b.png", true)]
    [InlineData("/v?/x", "/v1/x", true)]
    [InlineData("/v?/x", "/v10/x", false)]
    [InlineData("/", "/other", false)]
    public void Matches_PathPattern_UsesCaseSensitiveWildcards(string pattern, string path, bool expected) =>
        Assert.Equal(expected, RuleMatcher.Matches(Condition("path-pattern", pattern), Request(path: path)));

    [Theory]
    [InlineData("*.example.com", "API.Example.com", true)]
    [InlineData("api.example.com", "www.example.com", false)]
    public void Matches_HostHeader_IgnoresCase(string pattern, string host, bool expected) =>
        Assert.Equal(expected, RuleMatcher.Matches(Condition("host-header", pattern), Request(host: host)));

    [Fact]
    public void Matches_HttpHeader_MatchesNamedHeaderValue()
    {
        var condition = new RuleConditionRecord { Field = "http-header", HeaderName = "X-Canary", Values = ["yes", "tr*"] };
        Assert.True(RuleMatcher.Matches(condition, Request(headers: new() { ["x-canary"] = "TRUE" })));
        Assert.False(RuleMatcher.Matches(condition, Request(headers: new() { ["x-other"] = "yes" })));
    }

    [Fact]
    public void Matches_QueryString_KeyOptionalValueRequired()
    {
        var keyed = new RuleConditionRecord { Field = "query-string", QueryStrings = [new QueryStringPair("version", "v2")] };
        var anyKey = new RuleConditionRecord { Field = "query-string", QueryStrings = [new QueryStringPair(null, "beta")] };
        Assert.True(RuleMatcher.Matches(keyed, Request(query: "a=1&version=V2")));
        Assert.False(RuleMatcher.Matches(keyed, Request(query: "v=v2")));
        Assert.True(RuleMatcher.Matches(anyKey, Request(query: "channel=beta")));
    }

    [Fact]
    public void Matches_Method_IsExact()
    {
        Assert.True(RuleMatcher.Matches(Condition("http-request-method", "POST", "PUT"), Request(method: "PUT")));
        Assert.False(RuleMatcher.Matches(Condition("http-request-method", "POST"), Request(method: "post")));
    }

    [Theory]
    [InlineData("10.0.0.0/24", "10.0.0.5", true)]
    [InlineData("10.0.1.0/24", "10.0.0.5", false)]
    [InlineData("127.0.0.0/8", "::ffff:127.0.0.1", true)]
    public void Matches_SourceIp_ChecksCidr(string cidr, string ip, bool expected) =>
        Assert.Equal(expected, RuleMatcher.Matches(Condition("source-ip", cidr), Request(ip: ip)));

    [Fact]
    public void Matches_SeveralConditions_AllMustHold()
    {
        IReadOnlyList<RuleConditionRecord> both = [Condition("path-pattern", "/api/*"), Condition("http-request-method", "GET")];
        Assert.True(RuleMatcher.Matches(both, Request(path: "/api/x")));
        Assert.False(RuleMatcher.Matches(both, Request(path: "/api/x", method: "POST")));
    }
}
