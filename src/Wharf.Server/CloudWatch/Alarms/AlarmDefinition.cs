using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>PutMetricAlarm's validation: turns the input into the alarm's description, or throws AWS's error.</summary>
internal static class AlarmDefinition
{
    public static readonly IReadOnlyList<string> ComparisonOperators =
        ["GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"];

    public static readonly IReadOnlyList<string> MissingDataTreatments = ["missing", "breaching", "notBreaching", "ignore"];

    public static MetricAlarm Build(PutMetricAlarmInput input, string arn, DateTimeOffset now)
    {
        var name = input.AlarmName;
        if (string.IsNullOrEmpty(name))
        {
            throw CloudWatchErrors.MissingParameter("The parameter AlarmName is required.");
        }

        var (ns, metricName, dimensions, statistic, extended, period, unit) = Metric(input);
        if ((statistic is null) == (extended is null))
        {
            throw CloudWatchErrors.InvalidParameterCombination("Exactly one of Statistic and ExtendedStatistic must be specified.");
        }

        if (statistic is not null && !MetricQuery.Statistics.Contains(statistic))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {statistic} for parameter Statistic is not supported.");
        }

        if (extended is not null && MetricQuery.Percentile(extended) is null)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {extended} for parameter ExtendedStatistic is not supported.");
        }

        MetricQuery.CheckPeriod(period);
        var evaluationPeriods = input.EvaluationPeriods ?? throw CloudWatchErrors.MissingParameter("The parameter EvaluationPeriods is required.");
        if (evaluationPeriods < 1)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter EvaluationPeriods must be greater than or equal to 1.");
        }

        if ((long)period * evaluationPeriods > 7 * 86400)
        {
            throw CloudWatchErrors.InvalidParameterValue("The evaluation period times the number of periods must not exceed 7 days (604800 seconds).");
        }

        if (input.DatapointsToAlarm is { } m && (m < 1 || m > evaluationPeriods))
        {
            throw CloudWatchErrors.InvalidParameterValue("DatapointsToAlarm must be at least 1 and no greater than EvaluationPeriods.");
        }

        var threshold = input.Threshold ?? throw CloudWatchErrors.MissingParameter("The parameter Threshold is required.");
        var comparison = input.ComparisonOperator ?? throw CloudWatchErrors.MissingParameter("The parameter ComparisonOperator is required.");
        if (!ComparisonOperators.Contains(comparison))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {comparison} for parameter ComparisonOperator is not supported without an anomaly detection band.");
        }

        var treatMissing = input.TreatMissingData ?? "missing";
        if (!MissingDataTreatments.Contains(treatMissing))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {treatMissing} for parameter TreatMissingData is invalid. Valid values are missing, breaching, notBreaching and ignore.");
        }

        CheckActions(input.AlarmActions, "AlarmActions");
        CheckActions(input.OKActions, "OKActions");
        CheckActions(input.InsufficientDataActions, "InsufficientDataActions");
        var key = MetricQuery.Key(ns, metricName, dimensions);
        return new MetricAlarm
        {
            AlarmName = name,
            AlarmArn = arn,
            AlarmDescription = input.AlarmDescription,
            AlarmConfigurationUpdatedTimestamp = now,
            ActionsEnabled = input.ActionsEnabled ?? true,
            OKActions = [.. input.OKActions ?? []],
            AlarmActions = [.. input.AlarmActions ?? []],
            InsufficientDataActions = [.. input.InsufficientDataActions ?? []],
            MetricName = metricName,
            Namespace = ns,
            Statistic = statistic,
            ExtendedStatistic = extended,
            Dimensions = [.. key.Dimensions.Select(d => new Dimension { Name = d.Key, Value = d.Value })],
            Period = period,
            Unit = unit,
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = input.DatapointsToAlarm,
            Threshold = threshold,
            ComparisonOperator = comparison,
            TreatMissingData = treatMissing,
            EvaluateLowSampleCountPercentile = input.EvaluateLowSampleCountPercentile,
            StateValue = AlarmStates.InsufficientData,
            StateReason = "Unchecked: Initial alarm creation",
            StateUpdatedTimestamp = now,
            StateTransitionedTimestamp = now,
        };
    }

    /// <summary>The metric: named directly, or as the one returned <c>MetricStat</c> of <c>Metrics</c>.</summary>
    private static (string Ns, string Name, List<Dimension>? Dimensions, string? Statistic, string? Extended, int Period, string? Unit) Metric(
        PutMetricAlarmInput input)
    {
        if (input.Metrics is { Count: > 0 } metrics)
        {
            if (input.MetricName is not null || input.Namespace is not null || input.Statistic is not null || input.Period is not null)
            {
                throw CloudWatchErrors.InvalidParameterCombination("The parameters MetricName, Namespace, Statistic and Period cannot be used together with Metrics.");
            }

            var returned = metrics.Where(q => q.ReturnData != false).ToList();
            if (returned.Count != 1 || returned[0].MetricStat is not { Metric: { } metric } stat || metrics.Any(q => q.Expression is not null))
            {
                throw CloudWatchErrors.InvalidParameterValue("Wharf supports Metrics with exactly one returned MetricStat query and no expressions.");
            }

            var period = stat.Period ?? throw CloudWatchErrors.MissingParameter("The parameter Metrics.member.1.MetricStat.Period is required.");
            var isPercentile = stat.Stat is { } s && MetricQuery.Percentile(s) is not null;
            return (metric.Namespace ?? throw CloudWatchErrors.MissingParameter("The parameter Metrics.member.1.MetricStat.Metric.Namespace is required."),
                metric.MetricName ?? throw CloudWatchErrors.MissingParameter("The parameter Metrics.member.1.MetricStat.Metric.MetricName is required."),
                metric.Dimensions, isPercentile ? null : stat.Stat, isPercentile ? stat.Stat : null, period, stat.Unit);
        }

        var ns = input.Namespace ?? throw CloudWatchErrors.MissingParameter("The parameter Namespace is required.");
        var name = input.MetricName ?? throw CloudWatchErrors.MissingParameter("The parameter MetricName is required.");
        var p = input.Period ?? throw CloudWatchErrors.MissingParameter("The parameter Period is required.");
        return (ns, name, input.Dimensions, input.Statistic, input.ExtendedStatistic, p, input.Unit);
    }

    private static void CheckActions(List<string>? actions, string parameter)
    {
        if (actions is null)
        {
            return;
        }

        if (actions.Count > 5)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection {parameter} must not have a size greater than 5.");
        }

        foreach (var action in actions)
        {
            if (!action.StartsWith("arn:", StringComparison.Ordinal) || action.Split(':').Length < 6)
            {
                throw CloudWatchErrors.InvalidParameterValue($"Invalid arn syntax: {action}");
            }
        }
    }
}
