using Microsoft.Extensions.Logging;

namespace Wharf.Storage.Sqlite;

/// <summary>Log messages (ids in <see cref="StorageEventIds"/>).</summary>
public sealed partial class SqliteStateStore
{
    [LoggerMessage(StorageEventIds.StoreOpened, LogLevel.Information, "Opened state store {Path} (schema version {SchemaVersion}, WAL, synchronous=FULL)")]
    private partial void LogStoreOpened(string path, int schemaVersion);

    [LoggerMessage(StorageEventIds.SchemaMigrated, LogLevel.Information, "Migrated state store {Path} from schema version {FromVersion} to {ToVersion}")]
    private partial void LogSchemaMigrated(string path, int fromVersion, int toVersion);

    [LoggerMessage(StorageEventIds.StoreClosed, LogLevel.Debug, "Closed state store {Path}")]
    private partial void LogStoreClosed(string path);

    [LoggerMessage(StorageEventIds.CommitConflict, LogLevel.Debug, "Commit conflict on {Kind} '{Key}': expected version {ExpectedVersion}, found {ActualVersion}")]
    private partial void LogCommitConflict(string kind, string key, long expectedVersion, long? actualVersion);

    [LoggerMessage(StorageEventIds.CommitFailed, LogLevel.Error, "Commit of {WriteCount} writes failed; nothing was written")]
    private partial void LogCommitFailed(Exception exception, int writeCount);

    [LoggerMessage(StorageEventIds.ChangedHandlerFailed, LogLevel.Error, "A state change subscriber failed after a commit touching {Kinds}")]
    private partial void LogChangedHandlerFailed(Exception exception, string kinds);
}
