using Microsoft.Extensions.Logging;

namespace Wharf.Agent.Stats;

/// <summary>Log messages of container stats collection (event ids 6xx; see AgentLog for the others).</summary>
internal static partial class StatsLog
{
    [LoggerMessage(600, LogLevel.Debug, "Stats of container {ContainerId} unavailable: {Error}")]
    public static partial void StatsUnavailable(this ILogger logger, string containerId, string error);

    [LoggerMessage(601, LogLevel.Debug, "Sent stats of {Tasks} tasks")]
    public static partial void StatsSent(this ILogger logger, int tasks);
}
