using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Storage.Sqlite;
using Xunit;

namespace Wharf.Storage.Tests.Sqlite;

/// <summary>Base for tests that each get an initialized store in their own temp directory.</summary>
public abstract class SqliteStoreFixture : IAsyncLifetime
{
    private readonly string _directory = TempDirectory.CreatePath();

    protected SqliteStoreFixture()
    {
        DatabasePath = Path.Combine(_directory, "wharf.db");
        Store = new SqliteStateStore(DatabasePath, NullLogger.Instance);
    }

    protected string DatabasePath { get; }

    protected string DirectoryPath => _directory;

    protected SqliteStateStore Store { get; private set; }

    protected static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync() => await Store.InitializeAsync(Ct);

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        TempDirectory.Delete(_directory);
    }

    /// <summary>Closes the store and opens a new one on the same file.</summary>
    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = new SqliteStateStore(DatabasePath, NullLogger.Instance);
        await Store.InitializeAsync(Ct);
    }

    protected async Task PutAsync(string kind, string key, string partition, string body, long expectedVersion)
    {
        var transaction = Store.BeginTransaction();
        transaction.Put(kind, key, partition, body, expectedVersion);
        await transaction.CommitAsync(Ct);
    }
}
