using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Storage.Sqlite;
using Xunit;

namespace Wharf.Storage.Tests.Sqlite;

public sealed class SqliteStateStoreLifecycleTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task OpenAsync_MissingDataDirectory_CreatesItAndWharfDb()
    {
        var dataDirectory = Path.Combine(_directory.Path, "nested", "data");

        await using (var store = await StateStoreFactory.OpenAsync(dataDirectory, NullLoggerFactory.Instance, CancellationToken.None))
        {
            var transaction = store.BeginTransaction();
            transaction.Put("cluster", "c1", "", "x", 0);
            await transaction.CommitAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(Path.Combine(dataDirectory, "wharf.db")));
        Assert.Equal(Path.Combine(dataDirectory, "wharf.db"), StateStoreFactory.SqlitePath(dataDirectory));
    }

    [Fact]
    public async Task InitializeAsync_Twice_Idempotent()
    {
        await using var store = new SqliteStateStore(Path.Combine(_directory.Path, "wharf.db"), NullLogger.Instance);
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None);
        Assert.Empty(await store.ListAsync("cluster", null, CancellationToken.None));
    }

    [Fact]
    public async Task InitializeAsync_Database_WalModeAndSchemaVersionRecorded()
    {
        var path = Path.Combine(_directory.Path, "wharf.db");
        await using (var store = new SqliteStateStore(path, NullLogger.Instance))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        await using var raw = OpenRaw(path);
        Assert.Equal("wal", Scalar(raw, "PRAGMA journal_mode;"));
        Assert.Equal("2", Scalar(raw, "SELECT value FROM meta WHERE name = 'schema_version';"));
    }

    [Fact]
    public async Task InitializeAsync_NewerSchema_RefusesToOpen()
    {
        var path = Path.Combine(_directory.Path, "wharf.db");
        await using (var store = new SqliteStateStore(path, NullLogger.Instance))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        await using (var raw = OpenRaw(path))
        {
            Scalar(raw, "UPDATE meta SET value = '99' WHERE name = 'schema_version';");
        }

        await using var newer = new SqliteStateStore(path, NullLogger.Instance);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync(CancellationToken.None).AsTask());
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BeforeInitialize_Throws()
    {
        await using var store = new SqliteStateStore(Path.Combine(_directory.Path, "wharf.db"), NullLogger.Instance);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetAsync("cluster", "c1", CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Use_AfterDispose_ThrowsObjectDisposed()
    {
        var store = new SqliteStateStore(Path.Combine(_directory.Path, "wharf.db"), NullLogger.Instance);
        await store.InitializeAsync(CancellationToken.None);
        await store.DisposeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetAsync("cluster", "c1", CancellationToken.None).AsTask());
        Assert.Throws<ObjectDisposedException>(() => store.BeginTransaction());
    }

    [Fact]
    public async Task TwoStores_SameFile_SeeEachOthersCommitsAndConflicts()
    {
        var path = Path.Combine(_directory.Path, "wharf.db");
        await using var first = new SqliteStateStore(path, NullLogger.Instance);
        await using var second = new SqliteStateStore(path, NullLogger.Instance);
        await first.InitializeAsync(CancellationToken.None);
        await second.InitializeAsync(CancellationToken.None);

        var create = first.BeginTransaction();
        create.Put("cluster", "c1", "", "from first", 0);
        await create.CommitAsync(CancellationToken.None);

        Assert.Equal("from first", (await second.GetAsync("cluster", "c1", CancellationToken.None))!.Body);
        var stale = second.BeginTransaction();
        stale.Put("cluster", "c1", "", "from second", 0);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale.CommitAsync(CancellationToken.None).AsTask());
    }

    private static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
