using Microsoft.Extensions.Logging;

namespace Wharf.Agent.Diagnostics;

/// <summary>
/// Every log message of the agent, source-generated, with its event id in one place:
/// 1xx the program, 2xx the task engine, 3xx the control-plane channel.
/// </summary>
internal static partial class AgentLog
{
    // 1xx: program

    [LoggerMessage(100, LogLevel.Information, "Agent {InstanceId} starting: server {ServerUrl}, {Serves}")]
    public static partial void AgentStarting(this ILogger logger, string instanceId, Uri serverUrl, string serves);

    [LoggerMessage(101, LogLevel.Information, "Docker Engine {Version} (API {ApiVersion}); host offers {CpuUnits} CPU units, {MemoryMiB} MiB")]
    public static partial void DockerConnected(this ILogger logger, string version, string apiVersion, int cpuUnits, int memoryMiB);

    [LoggerMessage(102, LogLevel.Warning, "Docker Engine unavailable ({Error}); retrying in {DelayMs:0} ms")]
    public static partial void DockerUnavailable(this ILogger logger, string error, double delayMs);

    [LoggerMessage(103, LogLevel.Information, "Agent stopped; its containers keep running")]
    public static partial void AgentStopped(this ILogger logger);

    [LoggerMessage(104, LogLevel.Information, "Registered as {ContainerInstanceArn}; identity saved")]
    public static partial void IdentitySaved(this ILogger logger, string containerInstanceArn);

    // 2xx: task engine

    [LoggerMessage(200, LogLevel.Information, "Task {TaskArn} received, desired {DesiredStatus}")]
    public static partial void TaskReceived(this ILogger logger, string taskArn, string desiredStatus);

    [LoggerMessage(201, LogLevel.Information, "Task {TaskArn} re-adopted from {Count} existing container(s)")]
    public static partial void TaskAdopted(this ILogger logger, string taskArn, int count);

    [LoggerMessage(202, LogLevel.Information, "Task {TaskArn}: {From} -> {To}")]
    public static partial void TaskStatusChanged(this ILogger logger, string taskArn, string from, string to);

    [LoggerMessage(203, LogLevel.Information, "Task {TaskArn} is no longer wanted by the server; stopping it")]
    public static partial void StaleTaskStopping(this ILogger logger, string taskArn);

    [LoggerMessage(204, LogLevel.Warning, "Task {TaskArn}: pulling {Image} failed: {Error}")]
    public static partial void PullFailed(this ILogger logger, string taskArn, string image, string error);

    [LoggerMessage(205, LogLevel.Warning, "Task {TaskArn} failed to start: {Reason}")]
    public static partial void TaskFailedToStart(this ILogger logger, string taskArn, string reason);

    [LoggerMessage(206, LogLevel.Information, "Task {TaskArn}: essential container {Container} exited with code {ExitCode}; stopping the task")]
    public static partial void EssentialContainerExited(this ILogger logger, string taskArn, string container, int? exitCode);

    [LoggerMessage(207, LogLevel.Warning, "Task {TaskArn}: container {Container} cannot run: {Reason}")]
    public static partial void ContainerCannotRun(this ILogger logger, string taskArn, string container, string reason);

    [LoggerMessage(208, LogLevel.Information, "Task {TaskArn}: container {Container} stopped (exit code {ExitCode}, reason {Reason})")]
    public static partial void ContainerStopped(this ILogger logger, string taskArn, string container, int? exitCode, string? reason);

    [LoggerMessage(209, LogLevel.Information, "Task {TaskArn}: sending {Signal} to container {Container}")]
    public static partial void SignallingContainer(this ILogger logger, string taskArn, string container, string signal);

    [LoggerMessage(210, LogLevel.Warning, "Task {TaskArn}: signalling container {Container} failed: {Error}")]
    public static partial void SignalFailed(this ILogger logger, string taskArn, string container, string error);

    [LoggerMessage(211, LogLevel.Information, "Task {TaskArn}: host port of container {Container} was taken ({Error}); recreating it with another port")]
    public static partial void PortConflictRetry(this ILogger logger, string taskArn, string container, string error);

    [LoggerMessage(212, LogLevel.Information, "Task {TaskArn} cleaned up")]
    public static partial void TaskCleanedUp(this ILogger logger, string taskArn);

    [LoggerMessage(213, LogLevel.Debug, "Task {TaskArn} forgotten")]
    public static partial void TaskForgotten(this ILogger logger, string taskArn);

    [LoggerMessage(214, LogLevel.Warning, "Task {TaskArn}: {Action} of {Container} failed")]
    public static partial void ActionFailed(this ILogger logger, Exception error, string taskArn, string action, string container);

    [LoggerMessage(215, LogLevel.Error, "Task {TaskArn}: handling {Event} failed")]
    public static partial void TaskStepFailed(this ILogger logger, Exception error, string taskArn, string @event);

    [LoggerMessage(216, LogLevel.Information, "Ignoring desired tasks generation {Generation}: generation {Current} already applied")]
    public static partial void StaleGenerationIgnored(this ILogger logger, long generation, long current);

    [LoggerMessage(217, LogLevel.Warning, "Docker event stream broke; resyncing")]
    public static partial void DockerEventsBroken(this ILogger logger, Exception error);

    [LoggerMessage(218, LogLevel.Information, "Task {TaskArn}: container {Container} started ({RuntimeId})")]
    public static partial void ContainerStarted(this ILogger logger, string taskArn, string container, string runtimeId);

    // 3xx: control-plane channel

    [LoggerMessage(300, LogLevel.Information, "Connected to the server")]
    public static partial void Connected(this ILogger logger);

    [LoggerMessage(301, LogLevel.Warning, "Agent channel failed: {ErrorType}: {Error}")]
    public static partial void ConnectionFailed(this ILogger logger, string errorType, string error);

    [LoggerMessage(302, LogLevel.Information, "Reconnecting in {DelayMs:0} ms")]
    public static partial void Reconnecting(this ILogger logger, double delayMs);

    [LoggerMessage(303, LogLevel.Information, "Registered as {ContainerInstanceArn} in {ClusterArn}, reporting {TaskCount} existing task(s)")]
    public static partial void Registered(this ILogger logger, string containerInstanceArn, string clusterArn, int taskCount);

    [LoggerMessage(304, LogLevel.Information, "The server closed the agent channel")]
    public static partial void ServerClosedConnection(this ILogger logger);

    [LoggerMessage(305, LogLevel.Error, "The server refused the agent: {Code}: {Message}")]
    public static partial void ServerRefused(this ILogger logger, string code, string message);

    [LoggerMessage(306, LogLevel.Warning, "Malformed {Type} message from the server")]
    public static partial void MalformedMessage(this ILogger logger, Exception error, string type);

    [LoggerMessage(307, LogLevel.Debug, "Desired tasks generation {Generation}: {Count} task(s)")]
    public static partial void DesiredTasksReceived(this ILogger logger, long generation, int count);

    [LoggerMessage(308, LogLevel.Debug, "State batch {Id} sent with {Count} task(s)")]
    public static partial void StateBatchSent(this ILogger logger, string id, int count);

    [LoggerMessage(309, LogLevel.Debug, "State batch {Id} acknowledged")]
    public static partial void StateBatchAcked(this ILogger logger, string id);

    [LoggerMessage(310, LogLevel.Warning, "Agent channel send loop failed")]
    public static partial void SessionLoopFailed(this ILogger logger, Exception error);
}
