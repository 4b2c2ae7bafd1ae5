using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Placement;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Feasibility;

public sealed class DistinctInstanceCheckerTests
{
    [Fact]
    public void IsFeasible_GroupAlreadyOnInstance_Rejected()
    {
        var instance = new InstanceState(Instance(1, tasks: [Task("service:web")]), 0);

        Assert.False(new DistinctInstanceChecker("service:web").IsFeasible(instance));
        Assert.Equal("DistinctInstance placement constraint unsatisfied.", new DistinctInstanceChecker("x").Reason);
    }

    [Fact]
    public void IsFeasible_OtherGroupOnInstance_Accepted()
    {
        var instance = new InstanceState(Instance(1, tasks: [Task("service:api")]), 0);

        Assert.True(new DistinctInstanceChecker("service:web").IsFeasible(instance));
    }
}
