using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.ApplicationAutoScaling.Policies;

/// <summary>
/// The CloudWatch metric a target-tracking policy tracks: a predefined one
/// (<c>ECSServiceAverageCPUUtilization</c>, <c>ECSServiceAverageMemoryUtilization</c>,
/// <c>ALBRequestCountPerTarget</c>) or a customized one (one metric, or one <c>MetricStat</c> query).
/// </summary>
internal sealed record TrackedMetric(string Namespace, string MetricName, IReadOnlyList<KeyValuePair<string, string>> Dimensions, string Statistic, string? Unit)
{
    private static readonly string[] Statistics = ["Average", "Minimum", "Maximum", "SampleCount", "Sum"];

    public MetricKey Key => new(Namespace, MetricName, Dimensions);

    /// <summary>The statistic's value of one period.</summary>
    public double ValueOf(MetricStatistics statistics) => Statistic switch
    {
        "Minimum" => statistics.Minimum,
        "Maximum" => statistics.Maximum,
        "SampleCount" => statistics.SampleCount,
        "Sum" => statistics.Sum,
        _ => statistics.Average,
    };

    /// <summary>Resolves and validates the configuration's metric for <paramref name="resource"/>.</summary>
    public static TrackedMetric Resolve(TargetTrackingScalingPolicyConfiguration configuration, ScalableResource resource)
    {
        var predefined = configuration.PredefinedMetricSpecification;
        var customized = configuration.CustomizedMetricSpecification;
        if ((predefined is null) == (customized is null))
        {
            throw ScalingErrors.Validation("Exactly one of PredefinedMetricSpecification or CustomizedMetricSpecification must be specified.");
        }

        return predefined is not null ? Predefined(predefined, resource) : Customized(customized!);
    }

    private static TrackedMetric Predefined(PredefinedMetricSpecification specification, ScalableResource resource)
    {
        List<KeyValuePair<string, string>> service = [new("ClusterName", resource.ClusterName), new("ServiceName", resource.ServiceName)];
        switch (specification.PredefinedMetricType)
        {
            case MetricTypeValues.ECSServiceAverageCPUUtilization:
                NoLabel(specification);
                return new("AWS/ECS", "CPUUtilization", service, "Average", null);
            case MetricTypeValues.ECSServiceAverageMemoryUtilization:
                NoLabel(specification);
                return new("AWS/ECS", "MemoryUtilization", service, "Average", null);
            case MetricTypeValues.ALBRequestCountPerTarget:
                var label = specification.ResourceLabel ?? "";
                var at = label.IndexOf("/targetgroup/", StringComparison.Ordinal);
                if (!label.StartsWith("app/", StringComparison.Ordinal) || at < 0 || label.Split('/').Length != 6)
                {
                    throw ScalingErrors.Validation(
                        "ALBRequestCountPerTarget needs a ResourceLabel of the form app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>.");
                }

                return new("AWS/ApplicationELB", "RequestCountPerTarget", [new("TargetGroup", label[(at + 1)..])], "Sum", null);
            default:
                throw ScalingErrors.Validation(
                    $"Unsupported PredefinedMetricType '{specification.PredefinedMetricType}' for service namespace 'ecs'. "
                    + "Valid values: ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization, ALBRequestCountPerTarget.");
        }
    }

    private static void NoLabel(PredefinedMetricSpecification specification)
    {
        if (!string.IsNullOrEmpty(specification.ResourceLabel))
        {
            throw ScalingErrors.Validation($"ResourceLabel is only valid for ALBRequestCountPerTarget, not {specification.PredefinedMetricType}.");
        }
    }

    private static TrackedMetric Customized(CustomizedMetricSpecification specification)
    {
        if (specification.Metrics is { Count: > 0 } queries)
        {
            if (specification.MetricName is not null || specification.Namespace is not null || specification.Statistic is not null)
            {
                throw ScalingErrors.Validation("Specify either Metrics or MetricName, Namespace and Statistic in CustomizedMetricSpecification, not both.");
            }

            var returned = queries.Where(q => q.ReturnData ?? true).ToList();
            if (returned.Count != 1 || returned[0].MetricStat is not { Metric: { } metric } stat || returned[0].Expression is not null)
            {
                throw ScalingErrors.Validation(
                    "Metric math expressions are not supported by this endpoint: give one metric query with a MetricStat.");
            }

            return Checked(metric.Namespace, metric.MetricName,
                (metric.Dimensions ?? []).Select(d => new KeyValuePair<string, string>(d.Name ?? "", d.Value ?? "")).ToList(), stat.Stat, stat.Unit);
        }

        return Checked(specification.Namespace, specification.MetricName,
            (specification.Dimensions ?? []).Select(d => new KeyValuePair<string, string>(d.Name!, d.Value!)).ToList(), specification.Statistic, specification.Unit);
    }

    private static TrackedMetric Checked(string? ns, string? name, List<KeyValuePair<string, string>> dimensions, string? statistic, string? unit)
    {
        if (string.IsNullOrEmpty(ns) || string.IsNullOrEmpty(name) || string.IsNullOrEmpty(statistic))
        {
            throw ScalingErrors.Validation("CustomizedMetricSpecification needs MetricName, Namespace and Statistic.");
        }

        if (!Statistics.Contains(statistic, StringComparer.Ordinal))
        {
            throw ScalingErrors.Validation($"Unsupported statistic '{statistic}'. Valid values: {string.Join(", ", Statistics)}.");
        }

        return new(ns, name, dimensions, statistic, unit);
    }
}
