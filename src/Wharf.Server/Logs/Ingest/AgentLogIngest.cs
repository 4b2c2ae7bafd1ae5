using System.Text;
using Microsoft.Extensions.Logging;
using Wharf.Protocol.AgentChannel;
using Wharf.Protocol.Errors;
using Wharf.Server.AgentChannel;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Ingest;

/// <summary>
/// Responder for the agent's <c>logs</c> messages: opens each stream (creating the group when
/// the container's <c>awslogs-create-group</c> allows, as the awslogs driver does), cuts the
/// lines into PutLogEvents-sized batches and stores them under the same rules as PutLogEvents,
/// then answers with what was stored. The answer is sent only after the store committed, so an
/// answered batch survives a server crash; an unanswered one is resent by the agent.
/// </summary>
internal sealed partial class AgentLogIngest(LogStore store, TimeProvider time, ILogger<AgentLogIngest> logger) : IAgentMessageResponder
{
    public string MessageType => LogMessageTypes.Logs;

    public async ValueTask RespondAsync(AgentSession session, AgentMessage message, CancellationToken cancellationToken) =>
        session.Send(await HandleAsync(message, session.ContainerInstanceArn, cancellationToken));

    public async Task<AgentMessage> HandleAsync(AgentMessage message, string instanceArn, CancellationToken cancellationToken)
    {
        var batch = message.ReadBody<LogBatch>();
        var results = new List<LogStreamResult>(batch.Streams.Count);
        foreach (var stream in batch.Streams)
        {
            results.Add(await StoreAsync(stream, cancellationToken));
        }

        var stored = results.Sum(r => r.Accepted);
        if (results.Find(r => r.ErrorCode is not null) is { } refused)
        {
            LogBatchRefused(logger, instanceArn, refused.Group, refused.Stream, refused.ErrorMessage ?? refused.ErrorCode!);
        }

        LogBatchStored(logger, instanceArn, stored, batch.Streams.Count);
        return AgentMessage.Create(LogMessageTypes.LogsResult, message.Id, new LogBatchResult { Streams = results });
    }

    private async Task<LogStreamResult> StoreAsync(LogStreamBatch batch, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var stream = await store.EnsureStreamAsync(batch.Group, batch.Stream, batch.CreateGroup, now, cancellationToken);
        if (stream is null)
        {
            var missing = LogsErrors.GroupNotFound();
            return new LogStreamResult { Group = batch.Group, Stream = batch.Stream, ErrorCode = missing.Code, ErrorMessage = missing.Message };
        }

        var group = await store.GetGroupAsync(batch.Group, cancellationToken);
        int accepted = 0, rejected = 0;
        foreach (var chunk in Chunks(batch.Events.OrderBy(e => e.Timestamp).ToList()))
        {
            try
            {
                var verdict = LogEventBatch.Check(chunk, now, group?.RetentionInDays);
                var keep = chunk.Skip(verdict.Start).Take(verdict.End - verdict.Start).Select(e => new NewLogEvent(e.Timestamp, e.Message)).ToList();
                if (!await store.AppendAsync(stream.Id, keep, now, cancellationToken))
                {
                    var gone = LogsErrors.StreamNotFound();
                    return new LogStreamResult { Group = batch.Group, Stream = batch.Stream, Accepted = accepted, ErrorCode = gone.Code, ErrorMessage = gone.Message };
                }

                accepted += keep.Count;
                rejected += chunk.Count - keep.Count;
            }
            catch (AwsServiceException e)
            {
                // A chunk CloudWatch Logs would refuse whole (it cannot happen with the agent's own cutting): drop it, keep the rest.
                rejected += chunk.Count;
                LogBatchRefused(logger, "-", batch.Group, batch.Stream, e.Message);
            }
        }

        return new LogStreamResult { Group = batch.Group, Stream = batch.Stream, Accepted = accepted, Rejected = rejected };
    }

    /// <summary>Cuts ordered lines into batches PutLogEvents would take: ≤ 10,000 events, ≤ 1 MiB, ≤ 24 hours.</summary>
    internal static IEnumerable<List<(long Timestamp, string Message)>> Chunks(IReadOnlyList<LogLine> lines)
    {
        var span = (long)TimeSpan.FromHours(24).TotalMilliseconds;
        var chunk = new List<(long, string)>();
        long bytes = 0;
        foreach (var line in lines)
        {
            var size = Encoding.UTF8.GetByteCount(line.Message) + LogEventBatch.PerEventOverhead;
            if (chunk.Count > 0 && (chunk.Count == LogEventBatch.MaxEvents || bytes + size > LogEventBatch.MaxBatchBytes
                || line.Timestamp - chunk[0].Item1 > span))
            {
                yield return chunk;
                chunk = [];
                bytes = 0;
            }

            chunk.Add((line.Timestamp, line.Message));
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    [LoggerMessage(EventId = LogsEvents.AgentBatchStored, Level = LogLevel.Debug, Message = "Stored {Count} log events in {Streams} streams from {Instance}")]
    private static partial void LogBatchStored(ILogger logger, string instance, int count, int streams);

    [LoggerMessage(EventId = LogsEvents.AgentBatchRefused, Level = LogLevel.Warning, Message = "Log lines from {Instance} for {Group}/{Stream} not stored: {Reason}")]
    private static partial void LogBatchRefused(ILogger logger, string instance, string group, string stream, string reason);
}
