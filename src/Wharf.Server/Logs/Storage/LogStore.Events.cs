using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Wharf.Server.Logs.Storage;

internal sealed partial class LogStore
{
    /// <summary>Appends events (already validated and in order) to a stream; false when the stream is gone.</summary>
    public Task<bool> AppendAsync(long streamId, IReadOnlyList<NewLogEvent> events, long ingestionTime, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            using (var exists = Command(c, t, "SELECT 1 FROM log_streams WHERE id = $id", ("$id", streamId)))
            {
                if (exists.ExecuteScalar() is null)
                {
                    return false;
                }
            }

            if (events.Count == 0)
            {
                return true;
            }

            using var insert = Command(c, t, """
                INSERT INTO log_events (stream_id, ts, ingestion, size, message) VALUES ($stream, $ts, $ingestion, $size, $message)
                """, ("$stream", streamId), ("$ts", 0L), ("$ingestion", ingestionTime), ("$size", 0L), ("$message", string.Empty));
            insert.Prepare();
            long bytes = 0;
            foreach (var e in events)
            {
                var size = Encoding.UTF8.GetByteCount(e.Message);
                bytes += size;
                insert.Parameters["$ts"].Value = e.Timestamp;
                insert.Parameters["$size"].Value = size;
                insert.Parameters["$message"].Value = e.Message;
                insert.ExecuteNonQuery();
            }

            using var update = Command(c, t, """
                UPDATE log_streams SET
                    first_event = MIN(COALESCE(first_event, $first), $first),
                    last_event = MAX(COALESCE(last_event, $last), $last),
                    last_ingestion = $ingestion,
                    stored_bytes = stored_bytes + $bytes
                WHERE id = $id
                """, ("$id", streamId), ("$first", events.Min(e => e.Timestamp)), ("$last", events.Max(e => e.Timestamp)),
                ("$ingestion", ingestionTime), ("$bytes", bytes));
            update.ExecuteNonQuery();
            return true;
        }, cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> events of one stream in [<paramref name="startTime"/>,
    /// <paramref name="endTime"/>) strictly between the positions given, taken from the start
    /// (<see cref="StreamReadDirection.Forward"/>) or the end of that window, returned oldest first.
    /// </summary>
    public Task<IReadOnlyList<StoredLogEvent>> ReadStreamAsync(
        long streamId, long? startTime, long? endTime, EventPosition? after, EventPosition? before,
        StreamReadDirection direction, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredLogEvent>>(c =>
        {
            var order = direction == StreamReadDirection.Forward ? "ASC" : "DESC";
            using var command = Command(c, null, $"""
                SELECT id, stream_id, ts, ingestion, message FROM log_events
                WHERE stream_id = $stream AND ts >= $start AND ts < $end
                  AND (ts > $ats OR (ts = $ats AND id > $aid))
                  AND (ts < $bts OR (ts = $bts AND id < $bid))
                ORDER BY ts {order}, id {order} LIMIT $limit
                """,
                ("$stream", streamId), ("$start", startTime ?? long.MinValue), ("$end", endTime ?? long.MaxValue),
                ("$ats", after?.Timestamp ?? long.MinValue), ("$aid", after?.Id ?? long.MinValue),
                ("$bts", before?.Timestamp ?? long.MaxValue), ("$bid", before?.Id ?? long.MaxValue), ("$limit", limit));
            var events = ReadEvents(command);
            if (direction == StreamReadDirection.Backward)
            {
                events.Reverse();
            }

            return events;
        }, cancellationToken);

    /// <summary>
    /// The next events (at most <paramref name="count"/>) after <paramref name="after"/> across a
    /// group's streams — those named in <paramref name="streamNames"/> or starting with
    /// <paramref name="streamPrefix"/>, or all — in timestamp order, with their stream names.
    /// </summary>
    public Task<IReadOnlyList<(string Stream, StoredLogEvent Event)>> ScanGroupAsync(
        long groupId, IReadOnlyList<string>? streamNames, string? streamPrefix, long? startTime, long? endTime,
        EventPosition? after, int count, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<(string, StoredLogEvent)>>(c =>
        {
            using var command = Command(c, null, """
                SELECT e.id, e.stream_id, e.ts, e.ingestion, e.message, s.name
                FROM log_events e JOIN log_streams s ON s.id = e.stream_id
                WHERE s.group_id = $group
                  AND ($names IS NULL OR s.name IN (SELECT value FROM json_each($names)))
                  AND substr(s.name, 1, length($prefix)) = $prefix
                  AND e.ts >= $start AND e.ts < $end
                  AND (e.ts > $ats OR (e.ts = $ats AND e.id > $aid))
                ORDER BY e.ts, e.id LIMIT $count
                """,
                ("$group", groupId), ("$names", streamNames is null ? null : JsonSerializer.Serialize(streamNames)),
                ("$prefix", streamPrefix ?? string.Empty), ("$start", startTime ?? long.MinValue), ("$end", endTime ?? long.MaxValue),
                ("$ats", after?.Timestamp ?? long.MinValue), ("$aid", after?.Id ?? long.MinValue), ("$count", count));
            using var reader = command.ExecuteReader();
            var events = new List<(string, StoredLogEvent)>();
            while (reader.Read())
            {
                events.Add((reader.GetString(5), ReadEvent(reader)));
            }

            return events;
        }, cancellationToken);

    private static List<StoredLogEvent> ReadEvents(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var events = new List<StoredLogEvent>();
        while (reader.Read())
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    private static StoredLogEvent ReadEvent(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4));
}
