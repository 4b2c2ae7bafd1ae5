using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.AutoScaling;

/// <summary>
/// A Wharf instance with autoscaling on a short clock: stats every 2 s, alarms evaluated every 2 s,
/// target-tracking alarms on 10-second periods (2 datapoints to scale out, 3 to scale in),
/// scheduled actions checked every 2 s and load balancer request counts published every 2 s, so a
/// scale-out and a scale-in fit in a couple of minutes.
/// </summary>
public sealed class ScalingFixture() : WharfFixture(new Dictionary<string, string?>
{
    ["WHARF_STATS_INTERVAL_SECONDS"] = "2",
    ["WHARF_ALARM_EVALUATION_SECONDS"] = "2",
    ["WHARF_SCALING_ALARM_PERIOD_SECONDS"] = "10",
    ["WHARF_SCALING_HIGH_DATAPOINTS"] = "2",
    ["WHARF_SCALING_LOW_DATAPOINTS"] = "3",
    ["WHARF_SCALING_TICK_SECONDS"] = "2",
    ["WHARF_METRICS_PUBLISH_SECONDS"] = "2",
});
