using System.Globalization;
using System.Text.Json;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>
/// One alarm evaluation, as a pure function of the alarm and its datapoints. The evaluation range
/// is the last <c>EvaluationPeriods</c> whole periods before now; a period with no data is
/// missing, treated per <c>TreatMissingData</c> (missing and ignore skip it, breaching and
/// notBreaching count it as such). ALARM when at least <c>DatapointsToAlarm</c> datapoints breach;
/// otherwise OK, unless every datapoint is missing: INSUFFICIENT_DATA for missing, the current
/// state for ignore.
/// </summary>
internal static class AlarmEvaluation
{
    /// <summary>The evaluation range [start, end) for an evaluation at <paramref name="now"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Range(MetricAlarm alarm, DateTimeOffset now)
    {
        var period = alarm.Period ?? 60;
        var seconds = now.ToUnixTimeSeconds();
        var end = DateTimeOffset.FromUnixTimeSeconds(seconds - (seconds % period));
        return (end.AddSeconds(-(long)period * (alarm.EvaluationPeriods ?? 1)), end);
    }

    /// <summary>The verdict, or null when the state stays as it is (all data missing and <c>ignore</c>).</summary>
    public static AlarmVerdict? Evaluate(MetricAlarm alarm, IReadOnlyList<PeriodStatistics> periods, DateTimeOffset now)
    {
        var (start, _) = Range(alarm, now);
        var period = alarm.Period ?? 60;
        var n = alarm.EvaluationPeriods ?? 1;
        var m = alarm.DatapointsToAlarm ?? n;
        var statistic = alarm.Statistic ?? alarm.ExtendedStatistic ?? "Average";
        var threshold = alarm.Threshold ?? 0;
        var treatMissing = alarm.TreatMissingData ?? "missing";

        // Newest first, as AWS lists them.
        var points = new List<(DateTimeOffset At, double? Value, double SampleCount)>();
        for (var i = n - 1; i >= 0; i--)
        {
            var at = start.AddSeconds((long)i * period);
            var found = periods.FirstOrDefault(p => p.Statistics.Timestamp == at);
            points.Add((at, found is null ? null : MetricQuery.Value(found, statistic), found?.Statistics.SampleCount ?? 0));
        }

        var present = points.Where(p => p.Value is not null).ToList();
        var missing = points.Count - present.Count;
        var breaching = present.Count(p => Breaches(alarm.ComparisonOperator, p.Value!.Value, threshold))
            + (treatMissing == "breaching" ? missing : 0);
        var data = ReasonData(alarm, statistic, start, now, present, threshold);
        if (present.Count == 0)
        {
            switch (treatMissing)
            {
                case "ignore":
                    return null;
                case "missing":
                    return new AlarmVerdict(AlarmStates.InsufficientData,
                        $"Insufficient Data: {Count(n, "datapoint")} {(n == 1 ? "was" : "were")} unknown.", data);
                default:
                    break;
            }
        }

        var phrase = Phrase(alarm.ComparisonOperator);
        if (breaching >= m)
        {
            var crossed = present.Where(p => Breaches(alarm.ComparisonOperator, p.Value!.Value, threshold)).ToList();
            return new AlarmVerdict(AlarmStates.Alarm, Reason(crossed, missing, treatMissing == "breaching", n, m, phrase, threshold, "OK -> ALARM"), data);
        }

        var calm = present.Where(p => !Breaches(alarm.ComparisonOperator, p.Value!.Value, threshold)).ToList();
        return new AlarmVerdict(AlarmStates.Ok, Reason(calm, missing, treatMissing == "notBreaching", n, m, "not " + phrase, threshold, "ALARM -> OK"), data);
    }

    public static bool Breaches(string? comparison, double value, double threshold) => comparison switch
    {
        "GreaterThanOrEqualToThreshold" => value >= threshold,
        "GreaterThanThreshold" => value > threshold,
        "LessThanThreshold" => value < threshold,
        "LessThanOrEqualToThreshold" => value <= threshold,
        _ => false,
    };

    private static string Reason(
        List<(DateTimeOffset At, double? Value, double SampleCount)> listed, int missing, bool missingCounts, int n, int m, string phrase, double threshold, string transition)
    {
        var counted = listed.Count + (missingCounts ? missing : 0);
        var values = string.Join(", ", listed.Select(p => $"{Number(p.Value!.Value)} ({p.At.UtcDateTime.ToString("dd/MM/yy HH:mm:ss", CultureInfo.InvariantCulture)})"));
        var verb = counted == 1 ? "was" : "were";
        return m == n
            ? $"Threshold Crossed: {Count(counted, "datapoint")} [{values}] {verb} {phrase} the threshold ({Number(threshold)})."
            : $"Threshold Crossed: {counted} out of the last {n} datapoints [{values}] {verb} {phrase} the threshold ({Number(threshold)}) " +
              $"(minimum {Count(m, "datapoint")} for {transition} transition).";
    }

    private static string ReasonData(
        MetricAlarm alarm, string statistic, DateTimeOffset start, DateTimeOffset now, List<(DateTimeOffset At, double? Value, double SampleCount)> present, double threshold) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["version"] = "1.0",
            ["queryDate"] = Timestamp(now),
            ["startDate"] = Timestamp(start),
            ["statistic"] = statistic,
            ["period"] = alarm.Period ?? 60,
            ["recentDatapoints"] = present.Select(p => p.Value!.Value).Reverse().ToList(),
            ["threshold"] = threshold,
            ["evaluatedDatapoints"] = present.Select(p => new Dictionary<string, object>
            {
                ["timestamp"] = Timestamp(p.At),
                ["sampleCount"] = p.SampleCount,
                ["value"] = p.Value!.Value,
            }).ToList(),
        });

    private static string Phrase(string? comparison) => comparison switch
    {
        "GreaterThanOrEqualToThreshold" => "greater than or equal to",
        "GreaterThanThreshold" => "greater than",
        "LessThanThreshold" => "less than",
        _ => "less than or equal to",
    };

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Number(double value) => value.ToString("0.0##############", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}
