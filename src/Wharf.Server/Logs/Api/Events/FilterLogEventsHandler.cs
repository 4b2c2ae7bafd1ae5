using System.Globalization;
using System.Text;
using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.FilterPatterns;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Events;

/// <summary>
/// FilterLogEvents: a group's events (all streams, named ones, or a name prefix) in timestamp
/// order across streams, matching the filter pattern. One call scans a bounded number of events;
/// when it stops early it returns a <c>nextToken</c> (possibly with no events, as CloudWatch Logs
/// does), so clients page until there is none. <c>aws logs tail</c> is built on this call.
/// </summary>
internal sealed class FilterLogEventsHandler(LogStore store, LogGroupResolver groups)
    : IOperationHandler<FilterLogEventsRequest, FilterLogEventsResponse>
{
    private const int MaxLimit = 10_000;
    private const int ScanChunk = 1_000;
    private const int ScanBudget = 100_000;
    private const int MaxResponseBytes = 1_048_576;

    public async ValueTask<FilterLogEventsResponse> HandleAsync(FilterLogEventsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.LogStreamNames is not null && input.LogStreamNamePrefix is not null)
        {
            throw LogsErrors.InvalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }

        var pattern = FilterPatternParser.Parse(input.FilterPattern);
        var after = FilterToken.Decode(input.NextToken);
        var group = await groups.GroupAsync(input.LogGroupName, input.LogGroupIdentifier, cancellationToken);
        var limit = Math.Min(input.Limit ?? MaxLimit, MaxLimit);

        var matched = new List<FilteredLogEvent>();
        long bytes = 0;
        var scanned = 0;
        var exhausted = false;
        while (matched.Count < limit && bytes < MaxResponseBytes)
        {
            if (scanned >= ScanBudget)
            {
                break;
            }

            var chunk = await store.ScanGroupAsync(
                group.Id, input.LogStreamNames, input.LogStreamNamePrefix, input.StartTime, input.EndTime,
                after, ScanChunk, cancellationToken);
            var stoppedEarly = false;
            for (var i = 0; i < chunk.Count; i++)
            {
                var (streamName, e) = chunk[i];
                scanned++;
                after = e.Position;
                if (!pattern.Matches(e.Message))
                {
                    continue;
                }

                matched.Add(new FilteredLogEvent
                {
                    LogStreamName = streamName,
                    Timestamp = e.Timestamp,
                    Message = e.Message,
                    IngestionTime = e.IngestionTime,
                    EventId = EventId(e),
                });
                bytes += Encoding.UTF8.GetByteCount(e.Message) + LogEventBatch.PerEventOverhead;
                if (matched.Count >= limit || bytes >= MaxResponseBytes)
                {
                    stoppedEarly = i < chunk.Count - 1;
                    break;
                }
            }

            if (chunk.Count < ScanChunk && !stoppedEarly)
            {
                exhausted = true;
                break;
            }
        }

        return new FilterLogEventsResponse
        {
            Events = matched,
            NextToken = exhausted || after is null ? null : FilterToken.Encode(after.Value),
        };
    }

    /// <summary>56 digits, as CloudWatch Logs' event ids have: the timestamp then the stored id.</summary>
    private static string EventId(StoredLogEvent e) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, e.Timestamp):D20}{e.Id:D36}");
}
