using System.Globalization;
using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Events;

/// <summary>
/// PutLogEvents. The sequence token is ignored, as CloudWatch Logs now does (parallel puts to
/// one stream are fine); the answer carries a fresh <c>nextSequenceToken</c> for old clients.
/// The batch is durable in <c>logs.db</c> before the answer is sent.
/// </summary>
internal sealed class PutLogEventsHandler(LogStore store, LogGroupResolver groups, TimeProvider time)
    : IOperationHandler<PutLogEventsRequest, PutLogEventsResponse>
{
    public async ValueTask<PutLogEventsResponse> HandleAsync(PutLogEventsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var events = input.LogEvents!.Select(e => (e.Timestamp ?? 0, e.Message ?? string.Empty)).ToList();
        var group = await groups.GroupAsync(input.LogGroupName!, cancellationToken);
        var stream = await groups.StreamAsync(group, input.LogStreamName!, cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var verdict = LogEventBatch.Check(events, now, group.RetentionInDays);
        var accepted = events.Skip(verdict.Start).Take(verdict.End - verdict.Start)
            .Select(e => new NewLogEvent(e.Item1, e.Item2)).ToList();
        if (!await store.AppendAsync(stream.Id, accepted, now, cancellationToken))
        {
            throw LogsErrors.StreamNotFound();
        }

        return new PutLogEventsResponse
        {
            NextSequenceToken = now.ToString("D56", CultureInfo.InvariantCulture),
            RejectedLogEventsInfo = verdict.AnyRejected
                ? new RejectedLogEventsInfo
                {
                    TooOldLogEventEndIndex = verdict.TooOldEndIndex,
                    ExpiredLogEventEndIndex = verdict.ExpiredEndIndex,
                    TooNewLogEventStartIndex = verdict.TooNewStartIndex,
                }
                : null,
        };
    }
}
