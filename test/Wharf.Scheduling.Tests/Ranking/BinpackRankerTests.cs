using Wharf.Scheduling.Placement;
using Wharf.Scheduling.Ranking;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Ranking;

public sealed class BinpackRankerTests
{
    [Fact]
    public void Score_Memory_LeastRemainingScoresLowest()
    {
        var full = new InstanceState(Instance(1, remainingMemory: 512), 0);
        var empty = new InstanceState(Instance(2, remainingMemory: 4096), 1);
        var ranker = new BinpackRanker(onMemory: true);

        Assert.True(ranker.Score(full) < ranker.Score(empty));
    }

    [Fact]
    public void Score_Cpu_UsesCpuNotMemory()
    {
        var lowCpu = new InstanceState(Instance(1, remainingCpu: 256, remainingMemory: 4096), 0);
        var lowMemory = new InstanceState(Instance(2, remainingCpu: 2048, remainingMemory: 256), 1);
        var ranker = new BinpackRanker(onMemory: false);

        Assert.True(ranker.Score(lowCpu) < ranker.Score(lowMemory));
    }

    [Fact]
    public void Score_AfterReservation_Decreases()
    {
        var instance = new InstanceState(Instance(1, memory: 2048), 0);
        var ranker = new BinpackRanker(onMemory: true);
        var before = ranker.Score(instance);

        instance.Reserve(Request(memory: 512));

        Assert.Equal(before - 512, ranker.Score(instance));
    }
}
