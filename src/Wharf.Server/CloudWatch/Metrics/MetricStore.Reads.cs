using Microsoft.Data.Sqlite;

namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>Statistics per period and the metric list.</summary>
internal sealed partial class MetricStore
{
    private const string SelectMetricId = "SELECT id FROM metric WHERE namespace = $ns AND name = $name AND dimensions = $dims;";

    private const string SelectRollup = """
        SELECT (minute - $start) / $period AS bucket, sum(count), sum(sum), min(min), max(max), max(unit)
        FROM minute_rollup
        WHERE metric_id = $id AND minute >= $start AND minute < $end AND ($unit IS NULL OR unit = $unit)
        GROUP BY bucket ORDER BY bucket;
        """;

    private const string SelectRaw = """
        SELECT (ts - $start) / $period AS bucket, sum(count), sum(sum), min(min), max(max), max(unit)
        FROM raw_sample
        WHERE metric_id = $id AND ts >= $start AND ts < $end AND ($unit IS NULL OR unit = $unit)
        GROUP BY bucket ORDER BY bucket;
        """;

    private const string SelectRawValues = """
        SELECT (ts - $start) / $period AS bucket, sum
        FROM raw_sample
        WHERE metric_id = $id AND ts >= $start AND ts < $end AND count = 1 AND ($unit IS NULL OR unit = $unit);
        """;

    private const string SelectMetrics = """
        SELECT id, namespace, name, dimensions FROM metric
        WHERE last_seen >= $since AND id > $after AND ($ns IS NULL OR namespace = $ns) AND ($name IS NULL OR name = $name)
        ORDER BY id;
        """;

    public async ValueTask<IReadOnlyList<MetricStatistics>> StatisticsAsync(
        MetricKey key, DateTimeOffset start, DateTimeOffset end, TimeSpan period, CancellationToken cancellationToken) =>
        [.. (await QueryAsync(key, start, end, period, null, [], cancellationToken)).Select(p => p.Statistics)];

    /// <summary>
    /// Statistics of <paramref name="key"/> per period from <paramref name="start"/> (buckets start
    /// there) to <paramref name="end"/>, only for periods with data; <paramref name="unit"/> filters
    /// samples by unit when given; percentiles come from single-value raw samples.
    /// </summary>
    public async Task<IReadOnlyList<PeriodStatistics>> QueryAsync(
        MetricKey key,
        DateTimeOffset start,
        DateTimeOffset end,
        TimeSpan period,
        string? unit,
        IReadOnlyList<double> percentiles,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        var id = await FindIdAsync(connection, key, cancellationToken);
        var result = new List<PeriodStatistics>();
        if (id is null)
        {
            return result;
        }

        var startMs = start.ToUnixTimeMilliseconds();
        var periodMs = (long)period.TotalMilliseconds;
        var useRollup = periodMs % 60_000 == 0 && startMs % 60_000 == 0;
        await using var command = Command(connection, null, useRollup ? SelectRollup : SelectRaw, "$id", "$start", "$end", "$period", "$unit");
        Bind(command, id.Value, startMs, end.ToUnixTimeMilliseconds(), periodMs, unit);
        var buckets = new List<(long Bucket, MetricStatistics Stats)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var bucket = reader.GetInt64(0);
                var storedUnit = reader.GetString(5);
                buckets.Add((bucket, new MetricStatistics(
                    DateTimeOffset.FromUnixTimeMilliseconds(startMs + (bucket * periodMs)),
                    reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), storedUnit)));
            }
        }

        var values = percentiles.Count == 0
            ? []
            : await RawValuesAsync(connection, id.Value, startMs, end.ToUnixTimeMilliseconds(), periodMs, unit, cancellationToken);
        foreach (var (bucket, stats) in buckets)
        {
            var computed = new Dictionary<string, double>(StringComparer.Ordinal);
            if (values.TryGetValue(bucket, out var sorted))
            {
                sorted.Sort();
                foreach (var p in percentiles)
                {
                    computed[MetricQuery.PercentileName(p)] = Percentile(sorted, p);
                }
            }

            result.Add(new PeriodStatistics(stats, computed));
        }

        return result;
    }

    /// <summary>Metrics with data since <paramref name="since"/>, after row <paramref name="afterId"/>, in row order.</summary>
    public async Task<IReadOnlyList<StoredMetric>> ListAsync(
        string? @namespace, string? metricName, DateTimeOffset since, long afterId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenReaderAsync(cancellationToken);
        await using var command = Command(connection, null, SelectMetrics, "$since", "$after", "$ns", "$name");
        command.Parameters["$since"].Value = since.ToUnixTimeMilliseconds();
        command.Parameters["$after"].Value = afterId;
        command.Parameters["$ns"].Value = (object?)@namespace ?? DBNull.Value;
        command.Parameters["$name"].Value = (object?)metricName ?? DBNull.Value;
        var metrics = new List<StoredMetric>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            metrics.Add(new StoredMetric(
                reader.GetInt64(0), new MetricKey(reader.GetString(1), reader.GetString(2), DimensionCodec.Decode(reader.GetString(3)))));
        }

        return metrics;
    }

    /// <summary>Nearest-rank percentile of an ascending list.</summary>
    internal static double Percentile(List<double> sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static async Task<long?> FindIdAsync(SqliteConnection connection, MetricKey key, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, SelectMetricId, "$ns", "$name", "$dims");
        command.Parameters["$ns"].Value = key.Namespace;
        command.Parameters["$name"].Value = key.MetricName;
        command.Parameters["$dims"].Value = DimensionCodec.Encode(key.Dimensions);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? id : null;
    }

    private static async Task<Dictionary<long, List<double>>> RawValuesAsync(
        SqliteConnection connection, long id, long startMs, long endMs, long periodMs, string? unit, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, SelectRawValues, "$id", "$start", "$end", "$period", "$unit");
        Bind(command, id, startMs, endMs, periodMs, unit);
        var values = new Dictionary<long, List<double>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bucket = reader.GetInt64(0);
            if (!values.TryGetValue(bucket, out var list))
            {
                values[bucket] = list = [];
            }

            list.Add(reader.GetDouble(1));
        }

        return values;
    }

    private static void Bind(SqliteCommand command, long id, long startMs, long endMs, long periodMs, string? unit)
    {
        command.Parameters["$id"].Value = id;
        command.Parameters["$start"].Value = startMs;
        command.Parameters["$end"].Value = endMs;
        command.Parameters["$period"].Value = periodMs;
        command.Parameters["$unit"].Value = (object?)unit ?? DBNull.Value;
    }
}
