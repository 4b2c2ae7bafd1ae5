using System.Globalization;

namespace Wharf.Agent.Stats;

/// <summary>How often the agent ships container stats: <c>WHARF_STATS_INTERVAL_SECONDS</c>, default 5.</summary>
internal static class StatsInterval
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(5);

    public static TimeSpan FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("WHARF_STATS_INTERVAL_SECONDS");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : Default;
    }
}
