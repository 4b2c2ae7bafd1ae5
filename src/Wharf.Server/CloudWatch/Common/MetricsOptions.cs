using System.Globalization;

namespace Wharf.Server.CloudWatch.Common;

/// <summary>
/// Budgets and timing of metrics and alarms, from the environment:
/// <c>WHARF_METRICS_RETENTION_DAYS</c> (per-minute data, default 15),
/// <c>WHARF_METRICS_RAW_RETENTION_HOURS</c> (raw samples, for sub-minute periods and percentiles; default 3),
/// <c>WHARF_METRICS_MAX_MB</c> (size budget of <c>metrics.db</c>; default 512),
/// <c>WHARF_ALARM_EVALUATION_SECONDS</c> (how often alarms are evaluated; default 10) and
/// <c>WHARF_METRICS_PUBLISH_SECONDS</c> (how often load balancer counts are published; default 10).
/// </summary>
internal sealed record MetricsOptions
{
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(15);

    public TimeSpan RawRetention { get; init; } = TimeSpan.FromHours(3);

    public long MaxBytes { get; init; } = 512L * 1024 * 1024;

    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan PublishInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromMinutes(1);

    public static MetricsOptions FromEnvironment() => new()
    {
        Retention = TimeSpan.FromDays(Read("WHARF_METRICS_RETENTION_DAYS", 15)),
        RawRetention = TimeSpan.FromHours(Read("WHARF_METRICS_RAW_RETENTION_HOURS", 3)),
        MaxBytes = (long)(Read("WHARF_METRICS_MAX_MB", 512) * 1024 * 1024),
        EvaluationInterval = TimeSpan.FromSeconds(Read("WHARF_ALARM_EVALUATION_SECONDS", 10)),
        PublishInterval = TimeSpan.FromSeconds(Read("WHARF_METRICS_PUBLISH_SECONDS", 10)),
    };

    private static double Read(string name, double fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{name} '{text}' is not a positive number.");
    }
}
