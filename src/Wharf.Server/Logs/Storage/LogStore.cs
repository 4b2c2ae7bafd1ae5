using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Wharf.Server.Logs.Storage;

/// <summary>
/// Container logs in their own SQLite database (<c>logs.db</c> in the data directory, WAL,
/// <c>synchronous = FULL</c>): log volume must neither bloat nor slow the state store, and an
/// acknowledged PutLogEvents survives a crash. Thread-safe: writes are serialized by one lock
/// (SQLite has one writer anyway); reads open their own pooled connections and see the last
/// committed state.
/// </summary>
internal sealed partial class LogStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS log_groups (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            creation_time INTEGER NOT NULL,
            retention_days INTEGER,
            kms_key_id TEXT,
            log_group_class TEXT NOT NULL,
            deletion_protection INTEGER NOT NULL DEFAULT 0,
            tags TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE IF NOT EXISTS log_streams (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES log_groups(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            creation_time INTEGER NOT NULL,
            first_event INTEGER,
            last_event INTEGER,
            last_ingestion INTEGER,
            stored_bytes INTEGER NOT NULL DEFAULT 0,
            UNIQUE (group_id, name));
        CREATE TABLE IF NOT EXISTS log_events (
            id INTEGER PRIMARY KEY,
            stream_id INTEGER NOT NULL REFERENCES log_streams(id) ON DELETE CASCADE,
            ts INTEGER NOT NULL,
            ingestion INTEGER NOT NULL,
            size INTEGER NOT NULL,
            message TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS log_events_by_stream ON log_events (stream_id, ts, id);
        CREATE INDEX IF NOT EXISTS log_events_by_time ON log_events (ts, id);
        """;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string _connectionString;

    public LogStore(LogsOptions options, ILogger<LogStore> logger)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using (var connection = Open())
        {
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, Schema);
        }

        LogStoreOpened(logger, options.DatabasePath);
    }

    public void Dispose()
    {
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;");
        return connection;
    }

    /// <summary>Runs <paramref name="write"/> in one transaction under the write lock.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        return read(connection);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static long? NullableLong(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    [LoggerMessage(EventId = LogsEvents.StoreOpened, Level = LogLevel.Debug, Message = "Log store at {Path}")]
    private static partial void LogStoreOpened(ILogger logger, string path);
}
