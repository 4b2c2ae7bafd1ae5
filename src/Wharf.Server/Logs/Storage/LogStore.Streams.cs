using Microsoft.Data.Sqlite;

namespace Wharf.Server.Logs.Storage;

internal sealed partial class LogStore
{
    private const string StreamColumns =
        "s.id, s.group_id, s.name, s.creation_time, s.first_event, s.last_event, s.last_ingestion, s.stored_bytes";

    /// <summary>Creates the stream; false when the group already has one of that name.</summary>
    public Task<bool> CreateStreamAsync(long groupId, string name, long creationTime, CancellationToken cancellationToken) =>
        WriteAsync((c, t) => InsertStream(c, t, groupId, name, creationTime), cancellationToken);

    /// <summary>
    /// Creates the group (when <paramref name="createGroup"/>) and the stream if missing, in one
    /// transaction, as the awslogs driver does when a container starts. Null when the group does
    /// not exist and may not be created.
    /// </summary>
    public Task<LogStreamRow?> EnsureStreamAsync(
        string groupName, string streamName, bool createGroup, long now, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            if (createGroup)
            {
                using var insert = Command(c, t, """
                    INSERT INTO log_groups (name, creation_time, log_group_class) VALUES ($name, $time, 'STANDARD')
                    ON CONFLICT (name) DO NOTHING
                    """, ("$name", groupName), ("$time", now));
                insert.ExecuteNonQuery();
            }

            using var find = Command(c, t, "SELECT id FROM log_groups WHERE name = $name", ("$name", groupName));
            if (find.ExecuteScalar() is not long groupId)
            {
                return null;
            }

            InsertStream(c, t, groupId, streamName, now);
            return FindStream(c, t, groupId, streamName);
        }, cancellationToken);

    public Task<bool> DeleteStreamAsync(long groupId, string name, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            using var command = Command(c, t, "DELETE FROM log_streams WHERE group_id = $group AND name = $name",
                ("$group", groupId), ("$name", name));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<LogStreamRow?> GetStreamAsync(long groupId, string name, CancellationToken cancellationToken) =>
        ReadAsync(c => FindStream(c, null, groupId, name), cancellationToken);

    /// <summary>The group's streams whose names start with <paramref name="prefix"/>, ordered, from <paramref name="offset"/>.</summary>
    public Task<IReadOnlyList<LogStreamRow>> ListStreamsAsync(
        long groupId, string? prefix, StreamListOrder order, bool descending, int offset, int count,
        CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<LogStreamRow>>(c =>
        {
            var direction = descending ? "DESC" : "ASC";
            var orderBy = order == StreamListOrder.LogStreamName
                ? $"s.name {direction}"
                : $"COALESCE(s.last_event, -1) {direction}, s.name {direction}";
            using var command = Command(c, null, $"""
                SELECT {StreamColumns} FROM log_streams s
                WHERE s.group_id = $group AND substr(s.name, 1, length($prefix)) = $prefix
                ORDER BY {orderBy} LIMIT $count OFFSET $offset
                """, ("$group", groupId), ("$prefix", prefix ?? string.Empty), ("$count", count), ("$offset", offset));
            using var reader = command.ExecuteReader();
            var streams = new List<LogStreamRow>();
            while (reader.Read())
            {
                streams.Add(ReadStream(reader));
            }

            return streams;
        }, cancellationToken);

    private static bool InsertStream(SqliteConnection c, SqliteTransaction t, long groupId, string name, long creationTime)
    {
        using var command = Command(c, t, """
            INSERT INTO log_streams (group_id, name, creation_time) VALUES ($group, $name, $time)
            ON CONFLICT (group_id, name) DO NOTHING
            """, ("$group", groupId), ("$name", name), ("$time", creationTime));
        return command.ExecuteNonQuery() == 1;
    }

    private static LogStreamRow? FindStream(SqliteConnection c, SqliteTransaction? t, long groupId, string name)
    {
        using var command = Command(c, t, $"SELECT {StreamColumns} FROM log_streams s WHERE s.group_id = $group AND s.name = $name",
            ("$group", groupId), ("$name", name));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadStream(reader) : null;
    }

    private static LogStreamRow ReadStream(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3),
        NullableLong(r, 4), NullableLong(r, 5), NullableLong(r, 6), r.GetInt64(7));
}
