using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Placement;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Feasibility;

public sealed class MemoryCheckerTests
{
    [Theory]
    [InlineData(1024, 1024, true)]
    [InlineData(1024, 1025, false)]
    public void IsFeasible_RemainingMemory_ComparedToReservation(int remaining, int reserved, bool feasible)
    {
        var instance = new InstanceState(Instance(1, remainingMemory: remaining), 0);

        Assert.Equal(feasible, new MemoryChecker(reserved).IsFeasible(instance));
    }

    [Fact]
    public void IsFeasible_AfterReservation_SeesLessMemory()
    {
        var instance = new InstanceState(Instance(1, memory: 1024), 0);
        instance.Reserve(Request(memory: 1000));

        Assert.False(new MemoryChecker(100).IsFeasible(instance));
        Assert.Equal("RESOURCE:MEMORY", new MemoryChecker(100).Reason);
    }
}
