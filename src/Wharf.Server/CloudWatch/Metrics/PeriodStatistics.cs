namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>One period's statistics and the requested percentiles (<c>p90</c> → value) that raw samples allow.</summary>
internal sealed record PeriodStatistics(MetricStatistics Statistics, IReadOnlyDictionary<string, double> Percentiles);
