namespace Wharf.Protocol.AgentChannel;

/// <summary>
/// The agent channel's container-log messages (the <c>awslogs</c> driver). Kept apart from
/// <see cref="AgentMessageTypes"/> so the log shipping can grow without touching the core protocol.
/// </summary>
public static class LogMessageTypes
{
    /// <summary>
    /// Agent → server: <see cref="LogBatch"/>. The server stores it durably, then answers with
    /// <see cref="LogsResult"/> carrying the same id; the agent resends (same content) until it
    /// has an answer, so delivery is at least once. A batch with no events only opens its streams
    /// (creating the group when allowed), as the awslogs driver does when a container starts.
    /// </summary>
    public const string Logs = "logs";

    /// <summary>Server → agent: <see cref="LogBatchResult"/>, the answer to <see cref="Logs"/>.</summary>
    public const string LogsResult = "logsResult";
}
