using Microsoft.Data.Sqlite;

namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>
/// The metrics file (<c>metrics.db</c> in the data directory, WAL), apart from the state store
/// so that metric writes never contend with orchestration commits. One writer connection guarded
/// by <see cref="WriteAsync{T}"/>; readers open their own connection per query. The path
/// <c>:memory:</c> keeps everything in one shared in-memory database (unit tests).
/// </summary>
internal sealed class MetricsDatabase : IAsyncDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS metric (
            id INTEGER PRIMARY KEY,
            namespace TEXT NOT NULL,
            name TEXT NOT NULL,
            dimensions TEXT NOT NULL,
            last_seen INTEGER NOT NULL,
            UNIQUE (namespace, name, dimensions));
        CREATE TABLE IF NOT EXISTS raw_sample (
            metric_id INTEGER NOT NULL,
            ts INTEGER NOT NULL,
            count REAL NOT NULL,
            sum REAL NOT NULL,
            min REAL NOT NULL,
            max REAL NOT NULL,
            unit TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS raw_sample_by_metric ON raw_sample (metric_id, ts);
        CREATE INDEX IF NOT EXISTS raw_sample_by_ts ON raw_sample (ts);
        CREATE TABLE IF NOT EXISTS minute_rollup (
            metric_id INTEGER NOT NULL,
            minute INTEGER NOT NULL,
            unit TEXT NOT NULL,
            count REAL NOT NULL,
            sum REAL NOT NULL,
            min REAL NOT NULL,
            max REAL NOT NULL,
            PRIMARY KEY (metric_id, minute, unit)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS minute_rollup_by_minute ON minute_rollup (minute);
        CREATE TABLE IF NOT EXISTS alarm (
            name TEXT PRIMARY KEY,
            body TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS alarm_history (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            ts INTEGER NOT NULL,
            type TEXT NOT NULL,
            summary TEXT NOT NULL,
            data TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS alarm_history_by_name ON alarm_history (name, ts);
        """;

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private MetricsDatabase(string connectionString, SqliteConnection writer)
    {
        _connectionString = connectionString;
        _writer = writer;
    }

    public string Path { get; private init; } = "";

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/>.</summary>
    public static MetricsDatabase Open(string path)
    {
        var memory = path == ":memory:";
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = memory ? $"wharf-metrics-{Guid.NewGuid():N}" : path,
            Mode = memory ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Cache = memory ? SqliteCacheMode.Shared : SqliteCacheMode.Default,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        if (!memory)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        }

        var writer = new SqliteConnection(connectionString);
        writer.Open();
        using (var command = writer.CreateCommand())
        {
            // auto_vacuum must be chosen before the first table exists; later runs keep it.
            command.CommandText = "PRAGMA auto_vacuum = INCREMENTAL; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
            command.ExecuteNonQuery();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }

        return new MetricsDatabase(connectionString, writer) { Path = path };
    }

    /// <summary>Runs <paramref name="work"/> on the writer connection, one writer at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return await work(_writer, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>A new read connection; the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 30000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _writeLock.Dispose();
    }
}
