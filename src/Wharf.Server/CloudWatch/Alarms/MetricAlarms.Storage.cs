using System.Text.Json;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>Rows of <c>alarm</c> and <c>alarm_history</c>, and tags.</summary>
internal sealed partial class MetricAlarms
{
    public Task<IReadOnlyList<Tag>> TagsAsync(string arn, CancellationToken cancellationToken) =>
        LockedAsync(alarms => Task.FromResult<IReadOnlyList<Tag>>([.. Find(alarms, arn).Tags]), cancellationToken);

    public Task TagAsync(string arn, IReadOnlyList<Tag> tags, CancellationToken cancellationToken)
    {
        CheckTags(tags);
        return LockedAsync(async alarms =>
        {
            var stored = Find(alarms, arn);
            var merged = stored.Tags.Where(t => tags.All(n => n.Key != t.Key)).Concat(tags).ToList();
            if (merged.Count > 50)
            {
                throw CloudWatchErrors.LimitExceeded("A resource can have at most 50 tags.");
            }

            stored.Tags = merged;
            await SaveAsync(stored, cancellationToken);
            return 0;
        }, cancellationToken);
    }

    public Task UntagAsync(string arn, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        LockedAsync(async alarms =>
        {
            var stored = Find(alarms, arn);
            stored.Tags = [.. stored.Tags.Where(t => !keys.Contains(t.Key!))];
            await SaveAsync(stored, cancellationToken);
            return 0;
        }, cancellationToken);

    /// <summary>History items newest first, optionally of one alarm and one type, within [start, end].</summary>
    public async Task<IReadOnlyList<AlarmHistoryItem>> HistoryAsync(
        string? name, string? type, DateTimeOffset? start, DateTimeOffset? end, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT name, ts, type, summary, data FROM alarm_history
            WHERE ($name IS NULL OR name = $name) AND ($type IS NULL OR type = $type) AND ts >= $start AND ts <= $end
            ORDER BY ts DESC, id DESC;
            """;
        command.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        command.Parameters.AddWithValue("$type", (object?)type ?? DBNull.Value);
        command.Parameters.AddWithValue("$start", start?.ToUnixTimeMilliseconds() ?? long.MinValue);
        command.Parameters.AddWithValue("$end", end?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        var items = new List<AlarmHistoryItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new AlarmHistoryItem
            {
                AlarmName = reader.GetString(0),
                AlarmType = "MetricAlarm",
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                HistoryItemType = reader.GetString(2),
                HistorySummary = reader.GetString(3),
                HistoryData = reader.GetString(4),
            });
        }

        return items;
    }

    /// <summary>Records that an action ran (or failed), as the alarm's <c>Action</c> history.</summary>
    public Task RecordActionAsync(string name, string summary, string data, CancellationToken cancellationToken) =>
        AddHistoryAsync(name, time.GetUtcNow(), "Action", summary, data, cancellationToken);

    private static void CheckTags(IReadOnlyList<Tag>? tags)
    {
        foreach (var tag in tags ?? [])
        {
            if (string.IsNullOrEmpty(tag.Key) || tag.Value is null)
            {
                throw CloudWatchErrors.InvalidParameterValue("A tag must have a non-empty Key and a Value.");
            }
        }
    }

    private StoredAlarm Find(Dictionary<string, StoredAlarm> alarms, string arn)
    {
        var prefix = ArnOf("");
        return arn.StartsWith(prefix, StringComparison.Ordinal) && alarms.TryGetValue(arn[prefix.Length..], out var stored)
            ? stored
            : throw CloudWatchErrors.ResourceNotFoundException($"The resource {arn} does not exist.");
    }

    private async Task<Dictionary<string, StoredAlarm>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM alarm;";
        var alarms = new Dictionary<string, StoredAlarm>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = JsonSerializer.Deserialize<StoredAlarm>(reader.GetString(0))!;
            alarms[stored.Alarm.AlarmName!] = stored;
        }

        return alarms;
    }

    private Task<int> SaveAsync(StoredAlarm stored, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, token) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO alarm (name, body) VALUES ($name, $body) ON CONFLICT (name) DO UPDATE SET body = excluded.body;";
            command.Parameters.AddWithValue("$name", stored.Alarm.AlarmName);
            command.Parameters.AddWithValue("$body", JsonSerializer.Serialize(stored));
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    private Task<int> RemoveAsync(string name, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, token) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM alarm WHERE name = $name; DELETE FROM alarm_history WHERE name = $name;";
            command.Parameters.AddWithValue("$name", name);
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);

    private Task<int> AddHistoryAsync(string name, DateTimeOffset at, string type, string summary, string data, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, token) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO alarm_history (name, ts, type, summary, data) VALUES ($name, $ts, $type, $summary, $data);";
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$ts", at.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$type", type);
            command.Parameters.AddWithValue("$summary", summary);
            command.Parameters.AddWithValue("$data", data);
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);
}
