namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>
/// Observations of one metric at one timestamp, as a statistic set (a single value is
/// <c>SampleCount 1, Sum = Minimum = Maximum = value</c>).
/// </summary>
internal sealed record MetricSample(
    MetricKey Key, DateTimeOffset Timestamp, double SampleCount, double Sum, double Minimum, double Maximum, string? Unit)
{
    public static MetricSample Single(MetricKey key, DateTimeOffset timestamp, double value, string? unit) =>
        new(key, timestamp, 1, value, value, value, unit);
}
