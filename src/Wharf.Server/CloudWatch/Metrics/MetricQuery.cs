using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>The checks and arithmetic shared by the metric read operations and alarms.</summary>
internal static partial class MetricQuery
{
    public const int MaxDatapoints = 1440;

    public static readonly IReadOnlyList<string> Statistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

    /// <summary>The key of a metric named in a request; dimension names and values must be non-empty.</summary>
    public static MetricKey Key(string @namespace, string metricName, IReadOnlyList<Dimension>? dimensions, string parameter = "Dimensions")
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < (dimensions?.Count ?? 0); i++)
        {
            var d = dimensions![i];
            if (string.IsNullOrEmpty(d.Name) || d.Value is null)
            {
                throw CloudWatchErrors.MissingParameter($"The parameter {parameter}.member.{i + 1}.{(string.IsNullOrEmpty(d.Name) ? "Name" : "Value")} is required.");
            }

            if (pairs.Any(p => p.Key == d.Name))
            {
                throw CloudWatchErrors.InvalidParameterValue($"The collection {parameter} must not have duplicate dimension names.");
            }

            pairs.Add(new(d.Name, d.Value));
        }

        if (pairs.Count > 30)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection {parameter} must not have a size greater than 30.");
        }

        return new MetricKey(@namespace, metricName, pairs);
    }

    /// <summary>CloudWatch's periods: 1, 5, 10, 20, 30 or a multiple of 60 seconds.</summary>
    public static void CheckPeriod(int period, string parameter = "Period")
    {
        if (period <= 0)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter} must be greater than 0.");
        }

        if (period is not (1 or 5 or 10 or 20 or 30) && period % 60 != 0)
        {
            throw CloudWatchErrors.InvalidParameterCombination($"The parameter {parameter} must be 1, 5, 10, 20, 30, or a multiple of 60.");
        }
    }

    /// <summary>Start rounded down to the period (or the minute, for periods of a minute or more).</summary>
    public static DateTimeOffset AlignStart(DateTimeOffset start, int period)
    {
        var seconds = start.ToUnixTimeSeconds();
        var step = period < 60 ? period : 60;
        return DateTimeOffset.FromUnixTimeSeconds(seconds - (((seconds % step) + step) % step));
    }

    /// <summary>Refuses a range with more than 1,440 periods, as GetMetricStatistics does.</summary>
    public static void CheckDatapoints(DateTimeOffset start, DateTimeOffset end, int period)
    {
        var requested = (long)Math.Ceiling((end - start).TotalSeconds / period);
        if (requested > MaxDatapoints)
        {
            throw CloudWatchErrors.InvalidParameterCombination(
                $"You have requested up to {requested.ToString(CultureInfo.InvariantCulture)} datapoints, which exceeds the limit of 1440. " +
                "You may reduce the datapoints requested by increasing Period, or decreasing the time range.");
        }
    }

    public static void CheckRange(DateTimeOffset? start, DateTimeOffset? end)
    {
        if (start is null)
        {
            throw CloudWatchErrors.MissingParameter("The parameter StartTime is required.");
        }

        if (end is null)
        {
            throw CloudWatchErrors.MissingParameter("The parameter EndTime is required.");
        }

        if (start >= end)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
        }
    }

    /// <summary>The percentile of an extended statistic (<c>p90</c>, <c>p99.9</c>), or null when it is not one.</summary>
    public static double? Percentile(string statistic)
    {
        var match = PercentilePattern().Match(statistic);
        return match.Success && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100
            ? p
            : null;
    }

    /// <summary>The value of a statistic (standard or percentile) in one period, or null when it cannot be computed.</summary>
    public static double? Value(PeriodStatistics period, string statistic)
    {
        var s = period.Statistics;
        return statistic switch
        {
            "SampleCount" => s.SampleCount,
            "Average" => s.Average,
            "Sum" => s.Sum,
            "Minimum" => s.Minimum,
            "Maximum" => s.Maximum,
            _ when Percentile(statistic) is { } p && period.Percentiles.TryGetValue(PercentileName(p), out var v) => v,
            _ => null,
        };
    }

    public static string PercentileName(double p) => "p" + p.ToString("0.##########", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^p(\d{1,2}(?:\.\d{0,10})?|100)$")]
    private static partial Regex PercentilePattern();
}
