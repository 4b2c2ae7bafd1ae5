using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Wharf.Storage.Sqlite;

/// <summary>
/// <see cref="IStateStore"/> over one SQLite file in WAL mode: the embedded default store.
/// <para>
/// Concurrency contract: any number of threads may call any member. Commits are serialized on one
/// writer connection behind an async lock (SQLite admits one writer at a time anyway; queuing in
/// process is cheaper than spinning on <c>SQLITE_BUSY</c>). Reads run concurrently on pooled
/// read-only connections and never wait for a commit: each sees the last committed state.
/// <see cref="Changed"/> is raised on the committing thread after the commit, outside the lock.
/// </para>
/// <para>
/// Durability: <c>synchronous=FULL</c>, so a commit that returned has been fsynced to the WAL and
/// survives a process crash or power loss at any instant. (WAL's cheaper <c>NORMAL</c> can lose the
/// last commits on power loss; the control plane acknowledges writes to clients and agents, and
/// must never forget one it acknowledged.)
/// </para>
/// </summary>
public sealed partial class SqliteStateStore : IStateStore
{
    private const int BusyTimeoutMilliseconds = 5000;
    private const long JournalSizeLimitBytes = 64L * 1024 * 1024;
    private const int MaxPooledReaders = 16;

    private readonly string _path;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentBag<ReaderSession> _readers = [];
    private WriterSession? _writer;
    private string _readerConnectionString = string.Empty;
    private volatile bool _disposed;

    /// <summary>A store over the SQLite file at <paramref name="path"/> (created, with its directory, by <see cref="InitializeAsync"/>).</summary>
    public SqliteStateStore(string path, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(logger);
        _path = Path.GetFullPath(path);
        _logger = logger;
    }

    /// <inheritdoc />
    public event EventHandler<StateChangedEventArgs>? Changed;

    /// <summary>The database file.</summary>
    public string DatabasePath => _path;

    /// <summary>
    /// Creates the directory, the file and the schema if missing, migrates an older schema, and opens
    /// the writer. Idempotent. Refuses a database whose schema is newer than this code.
    /// </summary>
    public async ValueTask InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_writer is not null)
            {
                return;
            }

            var directory = Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            var writeConnection = OpenConnection(ConnectionString(SqliteOpenMode.ReadWriteCreate));
            try
            {
                Execute(writeConnection, $"""
                    PRAGMA journal_mode = WAL;
                    PRAGMA synchronous = FULL;
                    PRAGMA journal_size_limit = {JournalSizeLimitBytes};
                    """);
                var version = Migrate(writeConnection);
                _writer = new WriterSession(writeConnection);
                _readerConnectionString = ConnectionString(SqliteOpenMode.ReadWrite);
                LogStoreOpened(_path, version);
            }
            catch
            {
                writeConnection.Dispose();
                throw;
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public IStateTransaction BeginTransaction()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new SqliteStateTransaction(this);
    }

    /// <summary>Waits for a commit in flight, then closes every connection (the last close checkpoints the WAL).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _writeLock.WaitAsync();
        try
        {
            while (_readers.TryTake(out var reader))
            {
                reader.Dispose();
            }

            if (_writer is not null)
            {
                TryOptimize(_writer.Connection);
                _writer.Dispose();
                _writer = null;
                LogStoreClosed(_path);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private string ConnectionString(SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = _path,
        Mode = mode,
        Cache = SqliteCacheMode.Private,

        // This store keeps its own connections (with prepared statements) for its lifetime; the
        // driver's pool would only hold files open after dispose.
        Pooling = false,
        DefaultTimeout = BusyTimeoutMilliseconds / 1000,
    }.ToString();

    private static SqliteConnection OpenConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();

            // Per connection: wait for another process's write lock instead of failing at once.
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static void TryOptimize(SqliteConnection connection)
    {
        try
        {
            Execute(connection, "PRAGMA optimize;");
        }
        catch (SqliteException)
        {
            // Statistics are an optimisation; closing must not fail for want of them.
        }
    }
}
