using Microsoft.Data.Sqlite;

namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>
/// Metric samples in <see cref="MetricsDatabase"/>: every sample is kept raw (for sub-minute
/// periods and percentiles, within the raw retention) and folded into a per-minute statistic set
/// in the same transaction, so reads at a period of a minute or more never scan raw rows. A put is
/// one transaction however many samples it carries. Safe for concurrent use.
/// </summary>
internal sealed partial class MetricStore(MetricsDatabase database, TimeProvider time) : IMetricSink, IMetricReader
{
    private const string UpsertMetric = """
        INSERT INTO metric (namespace, name, dimensions, last_seen) VALUES ($ns, $name, $dims, $seen)
        ON CONFLICT (namespace, name, dimensions) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)
        RETURNING id;
        """;

    private const string InsertRaw = """
        INSERT INTO raw_sample (metric_id, ts, count, sum, min, max, unit) VALUES ($id, $ts, $count, $sum, $min, $max, $unit);
        """;

    private const string UpsertMinute = """
        INSERT INTO minute_rollup (metric_id, minute, unit, count, sum, min, max) VALUES ($id, $minute, $unit, $count, $sum, $min, $max)
        ON CONFLICT (metric_id, minute, unit) DO UPDATE SET
            count = count + excluded.count, sum = sum + excluded.sum,
            min = min(min, excluded.min), max = max(max, excluded.max);
        """;

    public async ValueTask PutAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return;
        }

        await database.WriteAsync(async (connection, token) =>
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token);
            var ids = new Dictionary<MetricKey, long>();
            await using var upsertMetric = Command(connection, transaction, UpsertMetric, "$ns", "$name", "$dims", "$seen");
            await using var insertRaw = Command(connection, transaction, InsertRaw, "$id", "$ts", "$count", "$sum", "$min", "$max", "$unit");
            await using var upsertMinute = Command(connection, transaction, UpsertMinute, "$id", "$minute", "$unit", "$count", "$sum", "$min", "$max");
            foreach (var group in samples.GroupBy(s => s.Key))
            {
                upsertMetric.Parameters["$ns"].Value = group.Key.Namespace;
                upsertMetric.Parameters["$name"].Value = group.Key.MetricName;
                upsertMetric.Parameters["$dims"].Value = DimensionCodec.Encode(group.Key.Dimensions);
                upsertMetric.Parameters["$seen"].Value = group.Max(s => s.Timestamp).ToUnixTimeMilliseconds();
                ids[group.Key] = (long)(await upsertMetric.ExecuteScalarAsync(token))!;
            }

            foreach (var sample in samples)
            {
                var id = ids[sample.Key];
                var ts = sample.Timestamp.ToUnixTimeMilliseconds();
                var unit = sample.Unit ?? "None";
                Set(insertRaw, id, sample, unit);
                insertRaw.Parameters["$ts"].Value = ts;
                await insertRaw.ExecuteNonQueryAsync(token);
                Set(upsertMinute, id, sample, unit);
                upsertMinute.Parameters["$minute"].Value = ts - (((ts % 60_000) + 60_000) % 60_000);
                await upsertMinute.ExecuteNonQueryAsync(token);
            }

            await transaction.CommitAsync(token);
            return 0;
        }, cancellationToken);
    }

    private static void Set(SqliteCommand command, long id, MetricSample sample, string unit)
    {
        command.Parameters["$id"].Value = id;
        command.Parameters["$count"].Value = sample.SampleCount;
        command.Parameters["$sum"].Value = sample.Sum;
        command.Parameters["$min"].Value = sample.Minimum;
        command.Parameters["$max"].Value = sample.Maximum;
        command.Parameters["$unit"].Value = unit;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string text, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }
}
