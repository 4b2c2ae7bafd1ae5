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

            // Oldest first, and only about as many as the excess (an event costs at least one byte).
            return DeleteChunkWhere(c, t, "1 = 1", [], (int)Math.Min(DeleteChunk, excess));
        }, cancellationToken);

    /// <summary>The bytes of message text stored in all groups.</summary>
    public Task<long> StoredBytesAsync(CancellationToken cancellationToken) =>
        ReadAsync(c =>
        {
            using var command = Command(c, null, "SELECT COALESCE(SUM(stored_bytes), 0) FROM log_streams");
            return (long)command.ExecuteScalar()!;
        }, cancellationToken);

    private static int DeleteChunkWhere(SqliteConnection c, SqliteTransaction t, string where, params (string, object?)[] parameters) =>
        DeleteChunkWhere(c, t, where, parameters, DeleteChunk);

    private static int DeleteChunkWhere(SqliteConnection c, SqliteTransaction t, string where, (string, object?)[] parameters, int limit)
    {
        using (var prepare = Command(c, t, """
            CREATE TEMP TABLE IF NOT EXISTS doomed (id INTEGER PRIMARY KEY, stream_id INTEGER NOT NULL, size INTEGER NOT NULL);
            DELETE FROM doomed;
            """))
        {
            prepare.ExecuteNonQuery();
        }

        using (var select = Command(c, t,
            $"INSERT INTO doomed SELECT id, stream_id, size FROM log_events WHERE {where} ORDER BY ts, id LIMIT $limit",
            [.. parameters, ("$limit", limit)]))
        {
            if (select.ExecuteNonQuery() == 0)
            {
                return 0;
            }
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
