using System.Globalization;

namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>
/// Timing of Application Auto Scaling. The defaults are AWS's: target-tracking alarms on one-minute
/// periods, 3 datapoints above the target to scale out and 15 below 90 % of it to scale in.
/// Shorter values (for a demo or an end-to-end test) come from the environment:
/// <c>WHARF_SCALING_ALARM_PERIOD_SECONDS</c> (10, 20, 30 or a multiple of 60),
/// <c>WHARF_SCALING_HIGH_DATAPOINTS</c>, <c>WHARF_SCALING_LOW_DATAPOINTS</c> and
/// <c>WHARF_SCALING_TICK_SECONDS</c> (how often scheduled actions are checked).
/// </summary>
internal sealed record ScalingOptions
{
    public TimeSpan AlarmPeriod { get; init; } = TimeSpan.FromMinutes(1);
    public int HighDatapoints { get; init; } = 3;
    public int LowDatapoints { get; init; } = 15;
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The low alarm's threshold as a share of the target value.</summary>
    public double LowThresholdRatio { get; init; } = 0.9;

    public static ScalingOptions FromEnvironment() => From(Environment.GetEnvironmentVariable);

    public static ScalingOptions From(Func<string, string?> variable)
    {
        var options = new ScalingOptions();
        var period = Read(variable, "WHARF_SCALING_ALARM_PERIOD_SECONDS");
        if (period is { } seconds)
        {
            if (seconds is not (10 or 20 or 30) && (seconds < 60 || seconds % 60 != 0))
            {
                throw new InvalidOperationException("WHARF_SCALING_ALARM_PERIOD_SECONDS must be 10, 20, 30 or a multiple of 60.");
            }

            options = options with { AlarmPeriod = TimeSpan.FromSeconds(seconds) };
        }

        return options with
        {
            HighDatapoints = Read(variable, "WHARF_SCALING_HIGH_DATAPOINTS") ?? options.HighDatapoints,
            LowDatapoints = Read(variable, "WHARF_SCALING_LOW_DATAPOINTS") ?? options.LowDatapoints,
            Tick = Read(variable, "WHARF_SCALING_TICK_SECONDS") is { } tick ? TimeSpan.FromSeconds(tick) : options.Tick,
        };
    }

    private static int? Read(Func<string, string?> variable, string name)
    {
        var text = variable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{name} must be a positive whole number, not '{text}'.");
    }
}
