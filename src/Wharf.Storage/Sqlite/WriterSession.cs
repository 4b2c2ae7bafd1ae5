using Microsoft.Data.Sqlite;

namespace Wharf.Storage.Sqlite;

/// <summary>
/// The one connection that writes, with its statements prepared once and reused for every commit.
/// Not thread-safe: <see cref="SqliteStateStore"/> serializes all use behind its write lock.
/// </summary>
internal sealed class WriterSession : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _version;

    private readonly SqliteParameter _insertKind;
    private readonly SqliteParameter _insertKey;
    private readonly SqliteParameter _insertPartition;
    private readonly SqliteParameter _insertBody;
    private readonly SqliteParameter _updateKind;
    private readonly SqliteParameter _updateKey;
    private readonly SqliteParameter _updatePartition;
    private readonly SqliteParameter _updateBody;
    private readonly SqliteParameter _updateExpected;
    private readonly SqliteParameter _deleteKind;
    private readonly SqliteParameter _deleteKey;
    private readonly SqliteParameter _deleteExpected;
    private readonly SqliteParameter _versionKind;
    private readonly SqliteParameter _versionKey;

    public WriterSession(SqliteConnection connection)
    {
        Connection = connection;

        // Creating with expected version 0: DO NOTHING on an existing key, so "0 rows" means conflict.
        _insert = Create(
            "INSERT INTO documents (kind, key, partition, version, body) VALUES ($kind, $key, $partition, 1, $body) " +
            "ON CONFLICT (kind, key) DO NOTHING");
        _insertKind = Add(_insert, "$kind");
        _insertKey = Add(_insert, "$key");
        _insertPartition = Add(_insert, "$partition");
        _insertBody = Add(_insert, "$body");

        // The version check is in the WHERE clause: one statement checks and applies.
        _update = Create(
            "UPDATE documents SET partition = $partition, version = version + 1, body = $body " +
            "WHERE kind = $kind AND key = $key AND version = $expected");
        _updateKind = Add(_update, "$kind");
        _updateKey = Add(_update, "$key");
        _updatePartition = Add(_update, "$partition");
        _updateBody = Add(_update, "$body");
        _updateExpected = Add(_update, "$expected", SqliteType.Integer);

        _delete = Create("DELETE FROM documents WHERE kind = $kind AND key = $key AND version = $expected");
        _deleteKind = Add(_delete, "$kind");
        _deleteKey = Add(_delete, "$key");
        _deleteExpected = Add(_delete, "$expected", SqliteType.Integer);

        _version = Create("SELECT version FROM documents WHERE kind = $kind AND key = $key");
        _versionKind = Add(_version, "$kind");
        _versionKey = Add(_version, "$key");

        _insert.Prepare();
        _update.Prepare();
        _delete.Prepare();
        _version.Prepare();
    }

    public SqliteConnection Connection { get; }

    /// <summary>Applies one write inside <paramref name="transaction"/>; false when its expected version did not hold.</summary>
    public bool TryApply(SqliteTransaction transaction, in PendingWrite write)
    {
        if (write.IsDelete)
        {
            _delete.Transaction = transaction;
            _deleteKind.Value = write.Kind;
            _deleteKey.Value = write.Key;
            _deleteExpected.Value = write.ExpectedVersion;
            return _delete.ExecuteNonQuery() == 1;
        }

        if (write.ExpectedVersion == 0)
        {
            _insert.Transaction = transaction;
            _insertKind.Value = write.Kind;
            _insertKey.Value = write.Key;
            _insertPartition.Value = write.Partition;
            _insertBody.Value = write.Body;
            return _insert.ExecuteNonQuery() == 1;
        }

        _update.Transaction = transaction;
        _updateKind.Value = write.Kind;
        _updateKey.Value = write.Key;
        _updatePartition.Value = write.Partition;
        _updateBody.Value = write.Body;
        _updateExpected.Value = write.ExpectedVersion;
        return _update.ExecuteNonQuery() == 1;
    }

    /// <summary>The stored version, or null when absent; used only to word a conflict.</summary>
    public long? ReadVersion(SqliteTransaction transaction, string kind, string key)
    {
        _version.Transaction = transaction;
        _versionKind.Value = kind;
        _versionKey.Value = key;
        return _version.ExecuteScalar() is long version ? version : null;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _delete.Dispose();
        _version.Dispose();
        Connection.Dispose();
    }

    private SqliteCommand Create(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static SqliteParameter Add(SqliteCommand command, string name, SqliteType type = SqliteType.Text) =>
        command.Parameters.Add(name, type);
}
