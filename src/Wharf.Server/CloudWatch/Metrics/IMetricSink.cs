namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>
/// Where metric observations go: PutMetricData, the agents' container stats (AWS/ECS) and the load
/// balancer's request counts (AWS/ApplicationELB). Returns once the samples are durable.
/// </summary>
internal interface IMetricSink
{
    ValueTask PutAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken);
}
