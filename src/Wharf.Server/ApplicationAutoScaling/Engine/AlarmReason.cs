using System.Globalization;
using System.Text.RegularExpressions;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>
/// Reads the datapoints and the threshold out of a CloudWatch alarm's state reason
/// (<c>Threshold Crossed: 3 out of the last 3 datapoints [72.5 (23/11/26 13:40:00), …] was greater
/// than the threshold (50.0) …</c>), which is what a step policy measures its breach with.
/// </summary>
internal static partial class AlarmReason
{
    public static bool TryParse(string reason, out IReadOnlyList<double> datapoints, out double threshold)
    {
        datapoints = [];
        threshold = 0;
        var list = DatapointList().Match(reason);
        var limit = Threshold().Match(reason);
        if (!list.Success || !limit.Success
            || !double.TryParse(limit.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out threshold))
        {
            return false;
        }

        var values = new List<double>();
        foreach (Match value in Datapoint().Matches(list.Groups[1].Value))
        {
            if (double.TryParse(value.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                values.Add(parsed);
            }
        }

        datapoints = values;
        return values.Count > 0;
    }

    /// <summary>Datapoints reduced as the policy's <c>MetricAggregationType</c> says (Average by default).</summary>
    public static double Aggregate(IReadOnlyList<double> datapoints, string? aggregation) => aggregation switch
    {
        "Minimum" => datapoints.Min(),
        "Maximum" => datapoints.Max(),
        _ => datapoints.Average(),
    };

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex DatapointList();

    [GeneratedRegex(@"(-?[0-9][0-9.]*(?:[eE][-+]?[0-9]+)?)\s*(?:\(|,|$)")]
    private static partial Regex Datapoint();

    [GeneratedRegex(@"threshold \((-?[0-9][0-9.]*(?:[eE][-+]?[0-9]+)?)\)")]
    private static partial Regex Threshold();
}
