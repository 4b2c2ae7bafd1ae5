namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>A metric the store knows, with its row id (the ListMetrics page position).</summary>
internal sealed record StoredMetric(long Id, MetricKey Key);
