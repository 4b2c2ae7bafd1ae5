using System.Text.Json;
using Microsoft.Data.Sqlite;
using Wharf.Server.Logs.Common;

namespace Wharf.Server.Logs.Storage;

internal sealed partial class LogStore
{
    private const string GroupColumns = """
        g.id, g.name, g.creation_time, g.retention_days, g.kms_key_id, g.log_group_class, g.deletion_protection, g.tags,
        (SELECT COALESCE(SUM(s.stored_bytes), 0) FROM log_streams s WHERE s.group_id = g.id)
        """;

    /// <summary>Creates the group; false when one of that name exists (nothing changed).</summary>
    public Task<bool> CreateGroupAsync(
        string name, long creationTime, string? kmsKeyId, string logGroupClass, bool deletionProtection,
        IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            using var command = Command(c, t, """
                INSERT INTO log_groups (name, creation_time, kms_key_id, log_group_class, deletion_protection, tags)
                VALUES ($name, $time, $kms, $class, $protect, $tags) ON CONFLICT (name) DO NOTHING
                """,
                ("$name", name), ("$time", creationTime), ("$kms", kmsKeyId), ("$class", logGroupClass),
                ("$protect", deletionProtection ? 1 : 0), ("$tags", JsonSerializer.Serialize(tags)));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    /// <summary>Deletes the group with its streams and events; false when there is none.</summary>
    public Task<bool> DeleteGroupAsync(string name, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            using var command = Command(c, t, "DELETE FROM log_groups WHERE name = $name", ("$name", name));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    public Task<LogGroupRow?> GetGroupAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(c =>
        {
            using var command = Command(c, null, $"SELECT {GroupColumns} FROM log_groups g WHERE g.name = $name", ("$name", name));
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadGroup(reader) : null;
        }, cancellationToken);

    /// <summary>Groups in name order, from the <paramref name="offset"/>-th of those <paramref name="matches"/>.</summary>
    public Task<IReadOnlyList<LogGroupRow>> ListGroupsAsync(
        Func<LogGroupRow, bool> matches, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<LogGroupRow>>(c =>
        {
            using var command = Command(c, null, $"SELECT {GroupColumns} FROM log_groups g ORDER BY g.name");
            using var reader = command.ExecuteReader();
            var groups = new List<LogGroupRow>();
            var skipped = 0;
            while (groups.Count < count && reader.Read())
            {
                var group = ReadGroup(reader);
                if (!matches(group))
                {
                    continue;
                }

                if (skipped++ >= offset)
                {
                    groups.Add(group);
                }
            }

            return groups;
        }, cancellationToken);

    /// <summary>Every group's id, name and retention, for the retention sweep.</summary>
    public Task<IReadOnlyList<LogGroupRow>> AllGroupsAsync(CancellationToken cancellationToken) =>
        ListGroupsAsync(_ => true, 0, int.MaxValue, cancellationToken);

    /// <summary>Sets (or with null clears) the retention; false when the group does not exist.</summary>
    public Task<bool> SetRetentionAsync(string name, int? days, CancellationToken cancellationToken) =>
        WriteAsync((c, t) =>
        {
            using var command = Command(c, t, "UPDATE log_groups SET retention_days = $days WHERE name = $name",
                ("$name", name), ("$days", days));
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);

    /// <summary>Adds then removes tags; null when the group does not exist, else the resulting tags.</summary>
    public Task<IReadOnlyDictionary<string, string>?> UpdateTagsAsync(
        string name, IReadOnlyDictionary<string, string> add, IReadOnlyCollection<string> remove, int maxTags,
        CancellationToken cancellationToken) =>
        WriteAsync<IReadOnlyDictionary<string, string>?>((c, t) =>
        {
            using var read = Command(c, t, "SELECT tags FROM log_groups WHERE name = $name", ("$name", name));
            if (read.ExecuteScalar() is not string json)
            {
                return null;
            }

            var tags = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
            foreach (var (key, value) in add)
            {
                tags[key] = value;
            }

            foreach (var key in remove)
            {
                tags.Remove(key);
            }

            if (tags.Count > maxTags)
            {
                throw LogsErrors.TooManyTags(maxTags);
            }

            using var write = Command(c, t, "UPDATE log_groups SET tags = $tags WHERE name = $name",
                ("$name", name), ("$tags", JsonSerializer.Serialize(tags)));
            write.ExecuteNonQuery();
            return tags;
        }, cancellationToken);

    private static LogGroupRow ReadGroup(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetInt64(2),
        r.IsDBNull(3) ? null : r.GetInt32(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.GetString(5),
        r.GetInt64(6) != 0,
        r.GetInt64(8),
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(7)) ?? []);
}
