namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>The aggregate of one metric over one period starting at <see cref="Timestamp"/>.</summary>
internal sealed record MetricStatistics(DateTimeOffset Timestamp, double SampleCount, double Sum, double Minimum, double Maximum, string? Unit)
{
    public double Average => SampleCount == 0 ? 0 : Sum / SampleCount;
}
