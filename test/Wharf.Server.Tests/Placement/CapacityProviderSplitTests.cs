using Wharf.Core.Model;
using Wharf.Server.Placement;
using Xunit;

namespace Wharf.Server.Tests.Placement;

/// <summary>How tasks are split over the providers of a capacity provider strategy (base first, then by weight).</summary>
public sealed class CapacityProviderSplitTests
{
    private static readonly CapacityProviderStrategyRecord Fargate = new("FARGATE", 1, 1);
    private static readonly CapacityProviderStrategyRecord Spot = new("FARGATE_SPOT", 1, 0);

    [Fact]
    public void Next_BaseThenEqualWeights()
    {
        Assert.Equal(["FARGATE", "FARGATE", "FARGATE_SPOT", "FARGATE", "FARGATE_SPOT"], CapacityProviderSplit.Next([Fargate, Spot], [], 5));
    }

    [Fact]
    public void Next_CountsWhatAlreadyRuns()
    {
        Assert.Equal(["FARGATE_SPOT", "FARGATE_SPOT"], CapacityProviderSplit.Next([Fargate, Spot], ["FARGATE", "FARGATE", "FARGATE"], 2));
    }

    [Fact]
    public void Next_WeightsOneToThree()
    {
        var split = CapacityProviderSplit.Next([new("FARGATE", 1, 0), new("FARGATE_SPOT", 3, 0)], [], 8);

        Assert.Equal(2, split.Count(p => p == "FARGATE"));
        Assert.Equal(6, split.Count(p => p == "FARGATE_SPOT"));
    }

    [Fact]
    public void Next_ZeroWeightProviderGetsOnlyItsBase()
    {
        var split = CapacityProviderSplit.Next([new("FARGATE", 0, 2), new("FARGATE_SPOT", 1, 0)], [], 5);

        Assert.Equal(["FARGATE", "FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT"], split);
    }
}
