using Microsoft.Extensions.Logging;

namespace Wharf.Agent.Logs;

/// <summary>Log messages of the awslogs shipping (6xx).</summary>
internal static partial class LogShippingLog
{
    [LoggerMessage(600, LogLevel.Information, "Following the output of container {ContainerId} into {Group} {Stream}")]
    public static partial void LogFollowing(this ILogger logger, string containerId, string group, string stream);

    [LoggerMessage(601, LogLevel.Debug, "Log stream of container {ContainerId} interrupted: {Error}")]
    public static partial void LogFollowInterrupted(this ILogger logger, string containerId, string error);

    [LoggerMessage(602, LogLevel.Warning, "Log buffer of container {ContainerId} full (non-blocking mode): {Dropped} lines dropped so far")]
    public static partial void LogLinesDropped(this ILogger logger, string containerId, long dropped);

    [LoggerMessage(603, LogLevel.Warning, "The server did not store log lines for {Group} {Stream}: {Code}: {Message}")]
    public static partial void LogLinesRefused(this ILogger logger, string group, string stream, string code, string? message);

    [LoggerMessage(604, LogLevel.Debug, "Log batch {Id} ({Count} events) acknowledged")]
    public static partial void LogBatchAcknowledged(this ILogger logger, string id, int count);

    [LoggerMessage(605, LogLevel.Warning, "Log discovery failed: {Error}")]
    public static partial void LogDiscoveryFailed(this ILogger logger, string error);
}
