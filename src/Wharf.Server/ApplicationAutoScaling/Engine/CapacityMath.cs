using Wharf.Protocol.Generated.ApplicationAutoScaling;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>
/// The capacity arithmetic of scaling policies, pure: target tracking's proportional capacity,
/// step scaling's step selection and adjustment, and the clamp to the target's bounds.
/// </summary>
internal static class CapacityMath
{
    // Keeps 2 × 75 / 50 = 3 from becoming 4 through floating-point noise.
    private const double Epsilon = 1e-9;

    /// <summary>
    /// The capacity that brings the metric to the target if the load spreads evenly:
    /// <c>current × metric / target</c>, rounded up when scaling out (never add too little) and down
    /// when scaling in (never remove too much). A service at zero scales out to one.
    /// </summary>
    public static int TargetTracking(int current, double metric, double target, bool scaleOut)
    {
        if (target <= 0 || double.IsNaN(metric))
        {
            return current;
        }

        var raw = current * metric / target;
        if (scaleOut)
        {
            var up = (int)Math.Min(int.MaxValue, Math.Ceiling(raw - Epsilon));
            return current == 0 && metric > target ? Math.Max(up, 1) : up;
        }

        return (int)Math.Max(0, Math.Floor(raw + Epsilon));
    }

    /// <summary>
    /// The step whose interval holds the breach (metric minus alarm threshold). Bounds are relative
    /// to the threshold; a missing lower bound is minus infinity, a missing upper bound infinity.
    /// Above the threshold the lower bound is inclusive and the upper exclusive; below it, the
    /// other way round, as AWS defines step intervals.
    /// </summary>
    public static StepAdjustment? SelectStep(IReadOnlyList<StepAdjustment> steps, double breach)
    {
        foreach (var step in steps)
        {
            var lower = step.MetricIntervalLowerBound ?? double.NegativeInfinity;
            var upper = step.MetricIntervalUpperBound ?? double.PositiveInfinity;
            var inside = breach >= 0
                ? lower <= breach && breach < upper
                : lower < breach && breach <= upper;
            if (inside)
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>
    /// The capacity after a step adjustment. PercentChangeInCapacity rounds a change between -1 and
    /// 1 away from zero and any other toward zero, then raises it to <paramref name="minAdjustmentMagnitude"/>.
    /// </summary>
    public static int Adjust(int current, string adjustmentType, int adjustment, int? minAdjustmentMagnitude)
    {
        switch (adjustmentType)
        {
            case AdjustmentTypeValues.ExactCapacity:
                return adjustment;
            case AdjustmentTypeValues.PercentChangeInCapacity:
                var change = current * adjustment / 100.0;
                var whole = change switch
                {
                    > 0 and < 1 => 1,
                    < 0 and > -1 => -1,
                    _ => (int)Math.Truncate(change),
                };
                if (adjustment != 0 && minAdjustmentMagnitude is { } magnitude && Math.Abs(whole) < magnitude)
                {
                    whole = Math.Sign(adjustment) * magnitude;
                }

                return current + whole;
            default:
                return current + adjustment;
        }
    }

    public static int Clamp(int capacity, int min, int max) => Math.Min(max, Math.Max(min, capacity));
}
