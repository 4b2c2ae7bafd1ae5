using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>Applies the metrics file's retention and size budget once a minute.</summary>
internal sealed partial class MetricMaintenance(MetricStore store, MetricsOptions options, TimeProvider time, ILogger<MetricMaintenance> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.MaintenanceInterval, time);
        do
        {
            try
            {
                var used = await store.EnforceRetentionAsync(options, stoppingToken);
                LogDone(logger, used);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = CloudWatchEvents.MaintenanceDone, Level = LogLevel.Debug, Message = "Metrics retention applied; {Bytes} bytes in use")]
    private static partial void LogDone(ILogger logger, long bytes);

    [LoggerMessage(EventId = CloudWatchEvents.MaintenanceFailed, Level = LogLevel.Warning, Message = "Metrics retention failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
