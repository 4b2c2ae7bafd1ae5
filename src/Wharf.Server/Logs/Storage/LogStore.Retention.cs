using Microsoft.Data.Sqlite;

namespace Wharf.Server.Logs.Storage;

internal sealed partial class LogStore
{
    /// <summary>Events deleted per transaction, so a large sweep never holds the write lock for long.</summary>
    private const int DeleteChunk = 5000;

    /// <summary>Deletes one chunk of a group's events older than <paramref name="cutoff"/>; the count deleted.</summary>
    public Task<int> DeleteExpiredChunkAsync(long groupId, long cutoff, CancellationToken cancellationToken) =>
        WriteAsync((c, t) => DeleteChunkWhere(c, t,
            "stream_id IN (SELECT id FROM log_streams WHERE group_id = $group) AND ts < $cutoff",
            ("$group", groupId), ("$cutoff", cutoff)), cancellationToken);

    /// <summary>Deletes one chunk of the oldest events of all when more than <paramref name="maxBytes"/> are stored; the count deleted.</summary>
    public Task<int> TrimChunkAsync(long maxBytes, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            using var total = Command(c, t, "SELECT COALESCE(SUM(stored_bytes), 0) FROM log_streams");
            var excess = (long)total.ExecuteScalar()! - maxBytes;
            if (excess <= 0)
            {
                return 0;
            }

            // Oldest first, and no more of them than it takes to get back within the budget.
            return DeleteChunkWhere(c, t, "1 = 1", [], DeleteChunk, excess);
        }, cancellationToken);

    /// <summary>The bytes of message text stored in all groups.</summary>
    public Task<long> StoredBytesAsync(CancellationToken cancellationToken) =>
        ReadAsync(c =>
        {
            using var command = Command(c, null, "SELECT COALESCE(SUM(stored_bytes), 0) FROM log_streams");
            return (long)command.ExecuteScalar()!;
        }, cancellationToken);

    private static int DeleteChunkWhere(SqliteConnection c, SqliteTransaction t, string where, params (string, object?)[] parameters) =>
        DeleteChunkWhere(c, t, where, parameters, DeleteChunk, long.MaxValue);

    private static int DeleteChunkWhere(SqliteConnection c, SqliteTransaction t, string where, (string, object?)[] parameters, int limit, long maxBytes)
    {
        using (var prepare = Command(c, t, """
            CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY, stream_id INTEGER NOT NULL, ts INTEGER NOT NULL, size INTEGER NOT NULL);
            DELETE FROM doomed;
            """))
        {
            prepare.ExecuteNonQuery();
        }

        using (var select = Command(c, t,
            $"INSERT INTO doomed SELECT id, stream_id, ts, size FROM log_events WHERE {where} ORDER BY ts, id LIMIT $limit",
            [.. parameters, ("$limit", limit)]))
        {
            if (select.ExecuteNonQuery() == 0)
            {
                return 0;
            }
        }

        if (maxBytes != long.MaxValue)
        {
            using var keep = Command(c, t, """
                DELETE FROM doomed WHERE id IN (
                    SELECT id FROM (SELECT id, SUM(size) OVER (ORDER BY ts, id) - size AS before FROM doomed) WHERE before >= $max)
                """, ("$max", maxBytes));
            keep.ExecuteNonQuery();
        }

        using var apply = Command(c, t, """
            UPDATE log_streams SET stored_bytes = stored_bytes
                - (SELECT COALESCE(SUM(d.size), 0) FROM doomed d WHERE d.stream_id = log_streams.id)
            WHERE id IN (SELECT stream_id FROM doomed);
            DELETE FROM log_events WHERE id IN (SELECT id FROM doomed);
            UPDATE log_streams SET first_event = (SELECT MIN(e.ts) FROM log_events e WHERE e.stream_id = log_streams.id)
            WHERE id IN (SELECT stream_id FROM doomed);
            SELECT COUNT(*) FROM doomed;
            """);
        return (int)(long)apply.ExecuteScalar()!;
    }
}
