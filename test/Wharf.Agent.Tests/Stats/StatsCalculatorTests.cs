using Wharf.Agent.Stats;
using Xunit;

namespace Wharf.Agent.Tests.Stats;

public sealed class StatsCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CpuUnits_HalfOfOneCoreOnATwoCoreHost_512Units()
    {
        var before = new RawContainerStats(1_000_000_000, 10_000_000_000, 2, 0, 0, T0);
        // The host's CPU time grew by 2 s (1 s wall on 2 cores); the container used 0.5 s of it.
        var after = new RawContainerStats(1_500_000_000, 12_000_000_000, 2, 0, 0, T0.AddSeconds(1));

        Assert.Equal(512, StatsCalculator.CpuUnits(before, after));
    }

    [Fact]
    public void CpuUnits_NoSystemCounter_FallsBackToWallClock()
    {
        var before = new RawContainerStats(0, 0, 0, 0, 0, T0);
        var after = new RawContainerStats(4_000_000_000, 0, 0, 0, 0, T0.AddSeconds(2));

        Assert.Equal(2048, StatsCalculator.CpuUnits(before, after));
    }

    [Fact]
    public void CpuUnits_CounterWentBack_Unknown()
    {
        var before = new RawContainerStats(5, 10, 1, 0, 0, T0);
        var after = new RawContainerStats(1, 20, 1, 0, 0, T0.AddSeconds(1));

        Assert.Null(StatsCalculator.CpuUnits(before, after));
    }

    [Fact]
    public void MemoryMiB_LeavesInactivePageCacheOut()
    {
        var stats = new RawContainerStats(0, 0, 1, 300 * 1024 * 1024, 100 * 1024 * 1024, T0);

        Assert.Equal(200, StatsCalculator.MemoryMiB(stats));
    }
}
