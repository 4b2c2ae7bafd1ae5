using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Events;

/// <summary>
/// GetLogEvents: without a token, the first (<c>startFromHead</c>) or the last <c>limit</c>
/// events of the window; with <c>f/…</c> the next ones, with <c>b/…</c> the previous ones —
/// always oldest first, with tokens to move either way from what was returned.
/// </summary>
internal sealed class GetLogEventsHandler(LogStore store, LogGroupResolver groups)
    : IOperationHandler<GetLogEventsRequest, GetLogEventsResponse>
{
    private const int MaxLimit = 10_000;

    /// <summary>A response holds at most about 1 MB of messages, as CloudWatch Logs' does.</summary>
    private const int MaxResponseBytes = 1_048_576;

    public async ValueTask<GetLogEventsResponse> HandleAsync(GetLogEventsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var token = input.NextToken is { } text ? EventToken.Parse(text) : (EventToken?)null;
        var group = await groups.GroupAsync(input.LogGroupName, input.LogGroupIdentifier, cancellationToken);
        var stream = await groups.StreamAsync(group, input.LogStreamName!, cancellationToken);
        var limit = Math.Min(input.Limit ?? MaxLimit, MaxLimit);
        var forward = token?.Forward ?? input.StartFromHead ?? false;
        var events = await store.ReadStreamAsync(
            stream.Id, input.StartTime, input.EndTime,
            after: token is { Forward: true } f ? f.Position : null,
            before: token is { Forward: false } b ? b.Position : null,
            forward ? StreamReadDirection.Forward : StreamReadDirection.Backward,
            limit, cancellationToken);
        events = TrimToSize(events, forward);

        string nextForward, nextBackward;
        if (events.Count > 0)
        {
            nextForward = new EventToken(true, events[^1].Position).ToString();
            nextBackward = new EventToken(false, events[0].Position).ToString();
        }
        else if (token is { } given)
        {
            nextForward = new EventToken(true, given.Position).ToString();
            nextBackward = new EventToken(false, given.Position).ToString();
        }
        else
        {
            // An empty window: read on from its start, or back from its end.
            nextForward = new EventToken(true, new EventPosition((input.StartTime ?? 0) - 1, long.MaxValue)).ToString();
            nextBackward = new EventToken(false, new EventPosition(input.EndTime ?? long.MaxValue, long.MinValue)).ToString();
        }

        return new GetLogEventsResponse
        {
            Events = [.. events.Select(e => new OutputLogEvent { Timestamp = e.Timestamp, Message = e.Message, IngestionTime = e.IngestionTime })],
            NextForwardToken = nextForward,
            NextBackwardToken = nextBackward,
        };
    }

    /// <summary>Keeps the events nearest the reading position within the response size.</summary>
    private static IReadOnlyList<StoredLogEvent> TrimToSize(IReadOnlyList<StoredLogEvent> events, bool forward)
    {
        long bytes = 0;
        var kept = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[forward ? i : events.Count - 1 - i];
            bytes += System.Text.Encoding.UTF8.GetByteCount(e.Message) + LogEventBatch.PerEventOverhead;
            if (bytes > MaxResponseBytes && kept > 0)
            {
                break;
            }

            kept++;
        }

        return kept == events.Count ? events : forward ? [.. events.Take(kept)] : [.. events.Skip(events.Count - kept)];
    }
}
