using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.CloudWatch.Alarms;
using CloudWatchWire = Wharf.Protocol.Generated.CloudWatch;

namespace Wharf.Server.ApplicationAutoScaling.Policies;

/// <summary>
/// The CloudWatch alarms a target-tracking policy owns, as AWS creates them: AlarmHigh (the metric
/// above the target for 3 one-minute datapoints) scales out; AlarmLow (below 90 % of the target
/// for 15) scales in, and is not created when scale-in is disabled. Periods and datapoint counts
/// come from <see cref="ScalingOptions"/>.
/// </summary>
internal sealed class TargetTrackingAlarms(IMetricAlarms alarms, ScalingNames names, ScalingOptions options)
{
    /// <summary>Creates or replaces the alarms, reusing the names a previous version of the policy had.</summary>
    public async ValueTask<IReadOnlyList<PolicyAlarm>> PutAsync(
        string policyArn, TargetTrackingScalingPolicyConfiguration configuration, TrackedMetric metric, string resourceId,
        IReadOnlyList<PolicyAlarm> previous, CancellationToken cancellationToken)
    {
        var target = configuration.TargetValue!.Value;
        var result = new List<PolicyAlarm>();
        var high = previous.FirstOrDefault(a => a.High)?.Name ?? ScalingNames.TargetTrackingAlarm(resourceId, high: true);
        await alarms.PutAsync(Input(high, policyArn, metric, target, options.HighDatapoints, "GreaterThanThreshold"), cancellationToken);
        result.Add(new PolicyAlarm(high, names.AlarmArn(high), High: true));
        if (configuration.DisableScaleIn != true)
        {
            var low = previous.FirstOrDefault(a => !a.High)?.Name ?? ScalingNames.TargetTrackingAlarm(resourceId, high: false);
            await alarms.PutAsync(
                Input(low, policyArn, metric, target * options.LowThresholdRatio, options.LowDatapoints, "LessThanThreshold"), cancellationToken);
            result.Add(new PolicyAlarm(low, names.AlarmArn(low), High: false));
        }

        var dropped = previous.Select(a => a.Name).Except(result.Select(a => a.Name), StringComparer.Ordinal).ToList();
        if (dropped.Count > 0)
        {
            await alarms.DeleteAsync(dropped, cancellationToken);
        }

        return result;
    }

    public ValueTask DeleteAsync(IReadOnlyList<PolicyAlarm> owned, CancellationToken cancellationToken) =>
        owned.Count == 0 ? ValueTask.CompletedTask : alarms.DeleteAsync(owned.Select(a => a.Name).ToList(), cancellationToken);

    private CloudWatchWire.PutMetricAlarmInput Input(
        string name, string policyArn, TrackedMetric metric, double threshold, int datapoints, string comparison) => new()
    {
        AlarmName = name,
        AlarmDescription = $"DO NOT EDIT OR DELETE. For TargetTrackingScaling policy {policyArn}.",
        ActionsEnabled = true,
        AlarmActions = [policyArn],
        MetricName = metric.MetricName,
        Namespace = metric.Namespace,
        Statistic = metric.Statistic,
        Dimensions = metric.Dimensions.Select(d => new CloudWatchWire.Dimension { Name = d.Key, Value = d.Value }).ToList(),
        Period = (int)options.AlarmPeriod.TotalSeconds,
        Unit = metric.Unit,
        EvaluationPeriods = datapoints,
        DatapointsToAlarm = datapoints,
        Threshold = threshold,
        ComparisonOperator = comparison,
        TreatMissingData = "missing",
    };
}
