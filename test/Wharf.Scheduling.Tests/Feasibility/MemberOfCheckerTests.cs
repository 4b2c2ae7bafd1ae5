using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Placement;
using Wharf.Scheduling.Query;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Feasibility;

public sealed class MemberOfCheckerTests
{
    [Theory]
    [InlineData("us-east-1a", true)]
    [InlineData("us-east-1c", false)]
    public void IsFeasible_Expression_Decides(string zone, bool feasible)
    {
        var checker = new MemberOfChecker(ClusterQuery.Parse("attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"), null);

        Assert.Equal(feasible, checker.IsFeasible(new InstanceState(Instance(1, zone: zone), 0)));
        Assert.Equal("MemberOf placement constraint unsatisfied.", checker.Reason);
    }

    [Fact]
    public void IsFeasible_StaticExpression_CachedPerInstance()
    {
        var cache = new sbyte[2];
        var checker = new MemberOfChecker(ClusterQuery.Parse("attribute:ecs.availability-zone == us-east-1a"), cache);

        Assert.True(checker.IsFeasible(new InstanceState(Instance(1, zone: "us-east-1a"), 0)));
        Assert.False(checker.IsFeasible(new InstanceState(Instance(2, zone: "us-east-1b"), 1)));

        Assert.Equal(new sbyte[] { 1, -1 }, cache);
    }

    [Fact]
    public void IsFeasible_TaskGroupAntiAffinity_FollowsPlacements()
    {
        var instance = new InstanceState(Instance(1), 0);
        var checker = new MemberOfChecker(ClusterQuery.Parse("not(task:group == service:web)"), null);

        Assert.True(checker.IsFeasible(instance));
        instance.Reserve(Request(group: "service:web"));
        Assert.False(checker.IsFeasible(instance));
    }
}
