using Microsoft.Extensions.Logging;
using Wharf.Storage.Sqlite;

namespace Wharf.Storage;

/// <summary>Opens the state store a Wharf server uses.</summary>
public static class StateStoreFactory
{
    /// <summary>The SQLite database's file name inside the data directory.</summary>
    public const string SqliteFileName = "wharf.db";

    /// <summary><c>&lt;dataDirectory&gt;/wharf.db</c>.</summary>
    public static string SqlitePath(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        return Path.Combine(dataDirectory, SqliteFileName);
    }

    /// <summary>
    /// The embedded SQLite store at <c>&lt;dataDirectory&gt;/wharf.db</c>, not yet initialized: call
    /// <see cref="IStateStore.InitializeAsync"/> before using it (it creates the directory and schema).
    /// </summary>
    public static IStateStore Open(string dataDirectory, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return new SqliteStateStore(SqlitePath(dataDirectory), loggerFactory.CreateLogger<SqliteStateStore>());
    }

    /// <summary>Like <see cref="Open"/>, and initialized.</summary>
    public static async ValueTask<IStateStore> OpenAsync(
        string dataDirectory, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var store = Open(dataDirectory, loggerFactory);
        try
        {
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
