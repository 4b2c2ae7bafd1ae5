using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.LoadBalancer;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch.LoadBalancing;

/// <summary>
/// Publishes the data plane's request counts as <c>AWS/ApplicationELB</c> metrics every
/// <see cref="MetricsOptions.PublishInterval"/>: RequestCount {LoadBalancer} and {LoadBalancer,
/// TargetGroup}, RequestCountPerTarget {TargetGroup} and {LoadBalancer, TargetGroup} (requests over
/// the group's routable targets). Like ELB, nothing is published for an interval without requests.
/// </summary>
internal sealed partial class RequestCountPublisher(
    RequestCounts counts, IMetricSink sink, MetricsOptions options, TimeProvider time, ILogger<RequestCountPublisher> logger) : BackgroundService
{
    public const string Namespace = "AWS/ApplicationELB";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PublishInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sink.PutAsync(Build(counts.Drain(), time.GetUtcNow()), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    public static List<MetricSample> Build(IReadOnlyList<RequestCount> drained, DateTimeOffset at)
    {
        var samples = new List<MetricSample>();
        foreach (var balancer in drained.GroupBy(c => c.LoadBalancerArn))
        {
            var lb = LoadBalancerDimension(balancer.Key);
            samples.Add(Count("RequestCount", at, balancer.Sum(c => c.Requests), ("LoadBalancer", lb)));
            foreach (var group in balancer.Where(c => c.TargetGroupArn is not null))
            {
                var tg = TargetGroupDimension(group.TargetGroupArn!);
                samples.Add(Count("RequestCount", at, group.Requests, ("LoadBalancer", lb), ("TargetGroup", tg)));
                var perTarget = (double)group.Requests / Math.Max(1, group.RoutableTargets);
                samples.Add(Count("RequestCountPerTarget", at, perTarget, ("LoadBalancer", lb), ("TargetGroup", tg)));
                samples.Add(Count("RequestCountPerTarget", at, perTarget, ("TargetGroup", tg)));
            }
        }

        return samples;
    }

    /// <summary><c>app/name/id</c> from <c>arn:…:loadbalancer/app/name/id</c>.</summary>
    public static string LoadBalancerDimension(string arn) =>
        arn.IndexOf(":loadbalancer/", StringComparison.Ordinal) is var at and >= 0 ? arn[(at + ":loadbalancer/".Length)..] : arn;

    /// <summary><c>targetgroup/name/id</c> from <c>arn:…:targetgroup/name/id</c>.</summary>
    public static string TargetGroupDimension(string arn) => arn[(arn.LastIndexOf(':') + 1)..];

    private static MetricSample Count(string name, DateTimeOffset at, double value, params (string Name, string Value)[] dimensions) =>
        MetricSample.Single(new MetricKey(Namespace, name, dimensions.Select(d => new KeyValuePair<string, string>(d.Name, d.Value))), at, value, "Count");

    [LoggerMessage(EventId = CloudWatchEvents.PublishFailed, Level = LogLevel.Warning, Message = "Publishing load balancer request counts failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
