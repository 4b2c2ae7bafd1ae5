using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Placement;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Feasibility;

public sealed class CpuCheckerTests
{
    [Theory]
    [InlineData(512, 512, true)]
    [InlineData(512, 513, false)]
    [InlineData(0, 1, false)]
    public void IsFeasible_RemainingCpu_ComparedToReservation(int remaining, int reserved, bool feasible)
    {
        var instance = new InstanceState(Instance(1, remainingCpu: remaining), 0);

        Assert.Equal(feasible, new CpuChecker(reserved).IsFeasible(instance));
    }

    [Fact]
    public void IsFeasible_AfterReservation_SeesLessCpu()
    {
        var instance = new InstanceState(Instance(1, remainingCpu: 1024), 0);
        instance.Reserve(Request(cpu: 768));

        Assert.False(new CpuChecker(512).IsFeasible(instance));
        Assert.Equal("RESOURCE:CPU", new CpuChecker(512).Reason);
    }
}
