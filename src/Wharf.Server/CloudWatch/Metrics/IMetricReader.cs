namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>
/// Reads aggregated statistics, as GetMetricStatistics computes them: one entry per period in
/// [start, end) that has at least one sample, in time order. Used by the API, by alarm evaluation
/// and by target-tracking scaling.
/// </summary>
internal interface IMetricReader
{
    ValueTask<IReadOnlyList<MetricStatistics>> StatisticsAsync(
        MetricKey key, DateTimeOffset start, DateTimeOffset end, TimeSpan period, CancellationToken cancellationToken);
}
