using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.ApplicationAutoScaling.Engine;
using Xunit;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

public sealed class CapacityMathTests
{
    [Theory]
    [InlineData(2, 75, 50, true, 3)]
    [InlineData(2, 80, 50, true, 4)] // 3.2 rounds up when scaling out
    [InlineData(1, 400, 50, true, 8)]
    [InlineData(4, 30, 50, false, 2)] // 2.4 rounds down when scaling in
    [InlineData(3, 44, 50, false, 2)] // 2.64 -> 2
    [InlineData(3, 0, 50, false, 0)]
    [InlineData(0, 90, 50, true, 1)] // a service at zero scales out to one
    public void TargetTracking_ProportionalCapacity_RoundsTowardAvailability(int current, double metric, double target, bool scaleOut, int expected) =>
        Assert.Equal(expected, CapacityMath.TargetTracking(current, metric, target, scaleOut));

    [Fact]
    public void TargetTracking_ExactRatio_IsNotRoundedUpByFloatingPointNoise() =>
        Assert.Equal(3, CapacityMath.TargetTracking(2, 75.00000000000001, 50, scaleOut: true));

    private static readonly List<StepAdjustment> Steps =
    [
        new() { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 10, ScalingAdjustment = 1 },
        new() { MetricIntervalLowerBound = 10, MetricIntervalUpperBound = 20, ScalingAdjustment = 2 },
        new() { MetricIntervalLowerBound = 20, ScalingAdjustment = 3 },
    ];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(9.99, 1)]
    [InlineData(10, 2)] // lower bound inclusive above the threshold
    [InlineData(19.5, 2)]
    [InlineData(20, 3)]
    [InlineData(1000, 3)]
    public void SelectStep_BreachAboveThreshold_PicksTheIntervalHoldingIt(double breach, int adjustment) =>
        Assert.Equal(adjustment, CapacityMath.SelectStep(Steps, breach)!.ScalingAdjustment);

    [Fact]
    public void SelectStep_BreachBelowThreshold_UpperBoundInclusive()
    {
        List<StepAdjustment> scaleIn =
        [
            new() { MetricIntervalUpperBound = -10, ScalingAdjustment = -2 },
            new() { MetricIntervalLowerBound = -10, MetricIntervalUpperBound = 0, ScalingAdjustment = -1 },
        ];
        Assert.Equal(-2, CapacityMath.SelectStep(scaleIn, -10)!.ScalingAdjustment);
        Assert.Equal(-1, CapacityMath.SelectStep(scaleIn, -9)!.ScalingAdjustment);
        Assert.Equal(-1, CapacityMath.SelectStep(scaleIn, -0.5)!.ScalingAdjustment);
        Assert.Null(CapacityMath.SelectStep(scaleIn, 5));
    }

    [Theory]
    [InlineData(3, "ChangeInCapacity", 2, null, 5)]
    [InlineData(3, "ChangeInCapacity", -2, null, 1)]
    [InlineData(3, "ExactCapacity", 7, null, 7)]
    [InlineData(10, "PercentChangeInCapacity", 25, null, 12)] // 2.5 truncates to 2
    [InlineData(3, "PercentChangeInCapacity", 10, null, 4)] // 0.3 rounds up to 1
    [InlineData(3, "PercentChangeInCapacity", -10, null, 2)] // -0.3 rounds to -1
    [InlineData(15, "PercentChangeInCapacity", -33, null, 11)] // -4.95 truncates to -4
    [InlineData(10, "PercentChangeInCapacity", 10, 3, 13)] // 1 raised to the minimum magnitude
    [InlineData(10, "PercentChangeInCapacity", -10, 3, 7)]
    public void Adjust_AppliesTheAdjustmentType(int current, string type, int adjustment, int? minMagnitude, int expected) =>
        Assert.Equal(expected, CapacityMath.Adjust(current, type, adjustment, minMagnitude));

    [Theory]
    [InlineData(0, 1, 5, 1)]
    [InlineData(9, 1, 5, 5)]
    [InlineData(3, 1, 5, 3)]
    public void Clamp_KeepsWithinBounds(int capacity, int min, int max, int expected) =>
        Assert.Equal(expected, CapacityMath.Clamp(capacity, min, max));
}
