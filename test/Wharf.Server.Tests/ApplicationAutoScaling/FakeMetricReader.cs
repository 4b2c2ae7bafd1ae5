using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

/// <summary>Answers every statistics query with one period of the value set for the metric's key.</summary>
internal sealed class FakeMetricReader : IMetricReader
{
    public Dictionary<MetricKey, double> Values { get; } = [];

    /// <summary>The range of the last query.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? LastRange { get; private set; }

    public ValueTask<IReadOnlyList<MetricStatistics>> StatisticsAsync(
        MetricKey key, DateTimeOffset start, DateTimeOffset end, TimeSpan period, CancellationToken cancellationToken)
    {
        LastRange = (start, end);
        IReadOnlyList<MetricStatistics> result = Values.TryGetValue(key, out var value)
            ? [new MetricStatistics(end - period, 1, value, value, value, null)]
            : [];
        return ValueTask.FromResult(result);
    }

    public void Set(string cluster, string service, string metricName, double value) =>
        Values[new MetricKey("AWS/ECS", metricName, [new("ClusterName", cluster), new("ServiceName", service)])] = value;
}
