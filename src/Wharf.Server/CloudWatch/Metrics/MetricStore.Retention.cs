using Microsoft.Data.Sqlite;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>
/// Keeping the file within its budgets: raw samples past the raw retention, minutes past the
/// retention and alarm history past 14 days are deleted; when the file is still over its size
/// budget the oldest tenth of what is left goes, until it fits. Freed pages are returned to the
/// file system (incremental vacuum).
/// </summary>
internal sealed partial class MetricStore
{
    private static readonly TimeSpan HistoryRetention = TimeSpan.FromDays(14);

    /// <summary>Applies the budgets once; returns the bytes in use afterwards.</summary>
    public Task<long> EnforceRetentionAsync(MetricsOptions options, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, token) =>
        {
            var now = time.GetUtcNow();
            await ExecuteAsync(connection, "DELETE FROM raw_sample WHERE ts < $cut;", (now - options.RawRetention).ToUnixTimeMilliseconds(), token);
            await ExecuteAsync(connection, "DELETE FROM minute_rollup WHERE minute < $cut;", (now - options.Retention).ToUnixTimeMilliseconds(), token);
            await ExecuteAsync(connection, "DELETE FROM metric WHERE last_seen < $cut;", (now - options.Retention).ToUnixTimeMilliseconds(), token);
            await ExecuteAsync(connection, "DELETE FROM alarm_history WHERE ts < $cut;", (now - HistoryRetention).ToUnixTimeMilliseconds(), token);
            await VacuumAsync(connection, token);
            var used = await UsedBytesAsync(connection, token);
            for (var round = 0; used > options.MaxBytes && round < 10; round++)
            {
                await DropOldestTenthAsync(connection, "raw_sample", "ts", token);
                await DropOldestTenthAsync(connection, "minute_rollup", "minute", token);
                await VacuumAsync(connection, token);
                used = await UsedBytesAsync(connection, token);
            }

            return used;
        }, cancellationToken);

    private static async Task DropOldestTenthAsync(SqliteConnection connection, string table, string column, CancellationToken cancellationToken)
    {
        await using var range = connection.CreateCommand();
#pragma warning disable CA2100 // table and column are constants of this class
        range.CommandText = $"SELECT min({column}), max({column}) FROM {table};";
        await using var reader = await range.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
        {
            return;
        }

        var (oldest, newest) = (reader.GetInt64(0), reader.GetInt64(1));
        await reader.DisposeAsync();
        await ExecuteAsync(connection, $"DELETE FROM {table} WHERE {column} <= $cut;", oldest + ((newest - oldest) / 10), cancellationToken);
#pragma warning restore CA2100
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, long cut, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // callers pass constant statements
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$cut", cut);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task VacuumAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA incremental_vacuum; PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> UsedBytesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size());";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
