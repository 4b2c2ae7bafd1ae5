using Wharf.Core.Model;
using Wharf.LoadBalancer.Routing;
using Wharf.LoadBalancer.Snapshots;
using Xunit;

namespace Wharf.LoadBalancer.Tests.Routing;

public sealed class ActionSelectorTests
{
    private static RuleActionRecord Forward(params (string Arn, int Weight)[] groups) => new()
    {
        Type = "forward",
        TargetGroups = groups.Select(g => new WeightedTargetGroup(g.Arn, g.Weight)).ToList(),
    };

    private static RuleRecord Rule(int priority, string pattern, string group) => new()
    {
        Arn = "rule-" + priority,
        ListenerArn = "l",
        Priority = priority,
        Conditions = [new RuleConditionRecord { Field = "path-pattern", Values = [pattern] }],
        Actions = [Forward((group, 1))],
    };

    [Fact]
    public void Select_SeveralRulesMatch_LowestPriorityWins()
    {
        var listener = new ListenerRoute("l", "lb", 80, [Rule(5, "/random*", "random"), Rule(10, "/*", "catch")], [Forward(("auth", 1))]);
        Assert.Equal("random", ActionSelector.Select(listener, RuleMatcherTests.Request(path: "/random/1"))!.TargetGroups[0].TargetGroupArn);
        Assert.Equal("catch", ActionSelector.Select(listener, RuleMatcherTests.Request(path: "/x"))!.TargetGroups[0].TargetGroupArn);
    }

    [Fact]
    public void Select_NoRuleMatches_DefaultAction()
    {
        var listener = new ListenerRoute("l", "lb", 80, [Rule(1, "/random*", "random")], [Forward(("auth", 1))]);
        Assert.Equal("auth", ActionSelector.Select(listener, RuleMatcherTests.Request(path: "/login"))!.TargetGroups[0].TargetGroupArn);
    }

    [Fact]
    public void PickTargetGroup_Weights_SplitDrawsProportionally()
    {
        var forward = Forward(("blue", 80), ("green", 20));
        var counts = Enumerable.Range(0, 100).Select(draw => ActionSelector.PickTargetGroup(forward, _ => draw))
            .GroupBy(g => g).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(80, counts["blue"]);
        Assert.Equal(20, counts["green"]);
    }

    [Fact]
    public void PickTargetGroup_ZeroWeightGroup_NeverChosen()
    {
        var forward = Forward(("blue", 0), ("green", 5));
        Assert.All(Enumerable.Range(0, 5), draw => Assert.Equal("green", ActionSelector.PickTargetGroup(forward, _ => draw)));
        Assert.Null(ActionSelector.PickTargetGroup(Forward(("a", 0), ("b", 0)), _ => 0));
    }

    [Fact]
    public void Routable_NoHealthyTarget_FailsOpenToAllButDraining()
    {
        var group = new TargetGroupRecord
        {
            Arn = "tg", Name = "tg", CreatedAt = DateTimeOffset.UnixEpoch, Protocol = "HTTP", Port = 80, VpcId = "vpc",
            TargetType = "instance", HealthCheck = new HealthCheckSettings(),
        };
        TargetEndpoint Endpoint(string id, string state) => new(id, 1, new TargetRecord
        {
            TargetGroupArn = "tg", Id = id, Port = 80, RegisteredAt = DateTimeOffset.UnixEpoch, State = state,
        }, "127.0.0.1");

        var unhealthy = new TargetGroupView(group, [Endpoint("a", "unhealthy"), Endpoint("b", "draining"), Endpoint("c", "initial")], true);
        Assert.Equal(["a", "c"], unhealthy.Routable.Select(t => t.Key));
        var mixed = new TargetGroupView(group, [Endpoint("a", "unhealthy"), Endpoint("d", "healthy"), Endpoint("c", "initial")], true);
        Assert.Equal(["d"], mixed.Routable.Select(t => t.Key));
    }

    [Theory]
    [InlineData("HTTPS", "#{port}", "https://app.example.com:8080/x/y?q=1")]
    [InlineData("#{protocol}", "80", "http://app.example.com/x/y?q=1")]
    public void Location_Template_FillsRequestParts(string protocol, string port, string expected)
    {
        var redirect = new RedirectRecord { StatusCode = "HTTP_301", Protocol = protocol, Port = port };
        Assert.Equal(expected, RedirectBuilder.Location(redirect, "HTTP", "app.example.com", 8080, "x/y", "q=1"));
    }
}
