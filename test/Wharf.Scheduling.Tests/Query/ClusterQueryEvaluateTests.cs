using Wharf.Scheduling.Model;
using Wharf.Scheduling.Query;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Query;

public sealed class ClusterQueryEvaluateTests
{
    private static readonly InstanceSnapshot Web = Instance(
        7,
        zone: "us-east-1b",
        attributes: new()
        {
            ["ecs.instance-type"] = "g2.2xlarge",
            ["team"] = "payments",
            ["gpu"] = null,
            ["rack"] = "12",
        },
        tasks: [Task("service:production"), Task("service:production"), Task("family:batch")],
        agentVersion: "1.14.5",
        registeredAt: new DateTimeOffset(2018, 6, 18, 22, 28, 28, TimeSpan.Zero),
        running: 3);

    [Theory]
    [InlineData("attribute:ecs.instance-type == g2.2xlarge", true)]
    [InlineData("attribute:ecs.instance-type == t2.small", false)]
    [InlineData("attribute:ecs.instance-type =~ g2.*", true)]
    [InlineData("attribute:ecs.instance-type =~ g2", false)]
    [InlineData("attribute:ecs.instance-type =~ g2*", true)]
    [InlineData("attribute:ecs.instance-type =~ *.2xlarge", true)]
    [InlineData("attribute:ecs.instance-type !~ t2.*", true)]
    [InlineData("attribute:ecs.instance-type =~ 'g[0-9]\\.(2x|4x)large'", true)]
    [InlineData("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]", true)]
    [InlineData("attribute:ecs.availability-zone not_in [us-east-1a, us-east-1b]", false)]
    [InlineData("attribute:ecs.availability-zone != us-east-1d", true)]
    [InlineData("attribute:missing != x", true)]
    [InlineData("attribute:missing == x", false)]
    [InlineData("attribute:missing exists", false)]
    [InlineData("attribute:missing !exists", true)]
    [InlineData("attribute:gpu exists", true)]
    [InlineData("attribute:gpu == x", false)]
    [InlineData("attribute:rack > 9", true)]
    [InlineData("attribute:rack < 100", true)]
    [InlineData("attribute:rack >= 12", true)]
    [InlineData("attribute:team > alpha", true)]
    [InlineData("attribute:team <= alpha", false)]
    [InlineData("attribute:Team == payments", false)]
    [InlineData("attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d", true)]
    [InlineData("attribute:team == ops or attribute:team == payments", true)]
    [InlineData("(attribute:team == ops or attribute:team == payments) and attribute:rack == 13", false)]
    public void Evaluate_Attributes_AsDocumented(string expression, bool expected)
    {
        Assert.Equal(expected, ClusterQuery.Parse(expression).Evaluate(Web));
    }

    [Theory]
    [InlineData("task:group == service:production", true)]
    [InlineData("task:group == database", false)]
    [InlineData("not(task:group == database)", true)]
    [InlineData("not(task:group == service:production)", false)]
    [InlineData("task:group != service:production", false)]
    [InlineData("task:group in [database, family:batch]", true)]
    [InlineData("task:group =~ service:*", true)]
    [InlineData("task:group exists", true)]
    [InlineData("runningTasksCount == 3", true)]
    [InlineData("runningTasksCount < 3", false)]
    [InlineData("runningTasksCount >= 3", true)]
    [InlineData("runningTasksCount != 1", true)]
    public void Evaluate_TasksOnInstance_AsDocumented(string expression, bool expected)
    {
        Assert.Equal(expected, ClusterQuery.Parse(expression).Evaluate(Web));
    }

    [Theory]
    [InlineData("agentVersion < 1.14.6", true)]
    [InlineData("agentVersion < 1.9.0", false)]
    [InlineData("agentVersion == 1.14.5", true)]
    [InlineData("agentVersion > 1.14", true)]
    [InlineData("agentConnected == true", true)]
    [InlineData("agentConnected == FALSE", false)]
    [InlineData("agentConnected != false", true)]
    [InlineData("ec2InstanceId == i-00000007", true)]
    [InlineData("ec2InstanceId in ['i-abcd1234', 'i-00000007']", true)]
    [InlineData("ec2InstanceId =~ i-0*", true)]
    [InlineData("registeredAt < 2018-02-13", false)]
    [InlineData("registeredAt > 2018-02-13", true)]
    [InlineData("registeredAt == 2018-06-18", true)]
    [InlineData("registeredAt <= 2018-06-18", true)]
    [InlineData("registeredAt > 2018-06-18", false)]
    [InlineData("registeredAt == 2018-06-18T22:28:28Z", true)]
    [InlineData("registeredAt == 2018-06-18T22:28:28+00:00", true)]
    [InlineData("registeredAt == 2018-06-19T00:28:28+02:00", true)]
    [InlineData("registeredAt < 2018-06-18T22:28:29", true)]
    public void Evaluate_InstanceFields_AsDocumented(string expression, bool expected)
    {
        Assert.Equal(expected, ClusterQuery.Parse(expression).Evaluate(Web));
    }

    [Fact]
    public void Evaluate_DisconnectedAgent_MatchesAgentConnectedFalse()
    {
        var disconnected = Instance(1, connected: false);

        Assert.True(ClusterQuery.Parse("agentConnected == false").Evaluate(disconnected));
    }

    [Fact]
    public void Evaluate_NoAgentVersion_OrderingsFalse()
    {
        var unknown = Instance(1, agentVersion: null);

        Assert.False(ClusterQuery.Parse("agentVersion < 9").Evaluate(unknown));
        Assert.True(ClusterQuery.Parse("agentVersion != 9").Evaluate(unknown));
    }

    [Theory]
    [InlineData("g2.*", "g2.*")]
    [InlineData("t2*", "t2.*")]
    [InlineData("*.small", ".*.small")]
    [InlineData("(a|b)*", "(a|b)*")]
    [InlineData("[0-9]*x", "[0-9]*x")]
    [InlineData(@"a\*b", @"a\*b")]
    [InlineData("**", ".*.*")]
    public void ExpandWildcards_StarAfterPlainCharacter_BecomesAnyRun(string pattern, string expanded)
    {
        Assert.Equal(expanded, QueryValues.ExpandWildcards(pattern));
    }

    [Theory]
    [InlineData("1.9.0", "1.14.5", -1)]
    [InlineData("1.14.5", "1.14.5", 0)]
    [InlineData("1.14", "1.14.0", 0)]
    [InlineData("v2.0.1", "1.99", 1)]
    public void CompareVersions_NumericSegments_OrderedNumerically(string left, string right, int sign)
    {
        Assert.Equal(sign, Math.Sign(QueryValues.CompareVersions(left, right)));
    }
}
