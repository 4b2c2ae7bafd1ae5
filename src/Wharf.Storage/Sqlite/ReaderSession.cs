using Microsoft.Data.Sqlite;

namespace Wharf.Storage.Sqlite;

/// <summary>
/// A read-only connection with its queries prepared once. Pooled by <see cref="SqliteStateStore"/>;
/// used by one caller at a time. In WAL mode each query reads a consistent snapshot and never waits
/// for the writer.
/// </summary>
internal sealed class ReaderSession : IDisposable
{
    private const string Columns = "key, partition, version, body";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _list;
    private readonly SqliteCommand _listPartition;
    private readonly SqliteCommand _prefix;
    private readonly Dictionary<(string Kind, string Field), SqliteCommand> _byField = [];

    public ReaderSession(SqliteConnection connection)
    {
        _connection = connection;
        _get = Create($"SELECT {Columns} FROM documents WHERE kind = $kind AND key = $key", "$kind", "$key");

        // LIMIT -1 is SQLite's "no limit"; key > '' holds for every key (empty keys are refused on put).
        _list = Create(
            $"SELECT {Columns} FROM documents WHERE kind = $kind AND key > $after ORDER BY key LIMIT $limit",
            "$kind", "$after", "$limit");
        _listPartition = Create(
            $"SELECT {Columns} FROM documents WHERE kind = $kind AND partition = $partition AND key > $after " +
            "ORDER BY key LIMIT $limit",
            "$kind", "$partition", "$after", "$limit");

        // A range, so the primary key index serves it: every key starting with the prefix is >= it and
        // < prefix || 0xFF, since no valid UTF-8 byte is 0xFF and keys compare bytewise (BINARY).
        _prefix = Create(
            $"SELECT {Columns} FROM documents WHERE kind = $kind AND key >= $prefix " +
            "AND key < $prefix || CAST(x'FF' AS TEXT) ORDER BY key",
            "$kind", "$prefix");
    }

    public StoredDocument? Get(string kind, string key)
    {
        _get.Parameters[0].Value = kind;
        _get.Parameters[1].Value = key;
        using var reader = _get.ExecuteReader();
        return reader.Read() ? ReadDocument(reader, kind) : null;
    }

    public List<StoredDocument> List(string kind, string? partition, string? afterKey, int? limit)
    {
        SqliteCommand command;
        if (partition is null)
        {
            command = _list;
            command.Parameters[0].Value = kind;
            command.Parameters[1].Value = afterKey ?? string.Empty;
            command.Parameters[2].Value = limit ?? -1;
        }
        else
        {
            command = _listPartition;
            command.Parameters[0].Value = kind;
            command.Parameters[1].Value = partition;
            command.Parameters[2].Value = afterKey ?? string.Empty;
            command.Parameters[3].Value = limit ?? -1;
        }

        return ReadAll(command, kind, limit);
    }

    public List<StoredDocument> ListByPrefix(string kind, string keyPrefix)
    {
        _prefix.Parameters[0].Value = kind;
        _prefix.Parameters[1].Value = keyPrefix;
        return ReadAll(_prefix, kind, null);
    }

    /// <summary>
    /// Documents of <paramref name="kind"/> with <paramref name="value"/> at JSON property
    /// <paramref name="field"/>, in key order from <paramref name="afterKey"/>. The kind and the path
    /// are written into the statement (checked to be plain names), as the partial expression indexes
    /// of schema 2 serve only a query that spells them the same way; one statement per pair, prepared once.
    /// </summary>
    public List<StoredDocument> ListByField(string kind, string field, string value, string? afterKey, int? limit)
    {
        if (!_byField.TryGetValue((kind, field), out var command))
        {
            if (!IsPlainName(kind) || !IsPlainName(field))
            {
                throw new ArgumentException($"'{kind}' / '{field}' must be letters, digits and dashes.");
            }

            command = Create(
                $"SELECT {Columns} FROM documents WHERE kind = '{kind}' " +
                $"AND (CASE WHEN json_valid(body) THEN json_extract(body, '$.{field}') END) = $value " +
                "AND key > $after ORDER BY key LIMIT $limit",
                "$value", "$after", "$limit");
            _byField[(kind, field)] = command;
        }

        command.Parameters[0].Value = value;
        command.Parameters[1].Value = afterKey ?? string.Empty;
        command.Parameters[2].Value = limit ?? -1;
        return ReadAll(command, kind, limit);
    }

    public void Dispose()
    {
        foreach (var command in _byField.Values)
        {
            command.Dispose();
        }

        _get.Dispose();
        _list.Dispose();
        _listPartition.Dispose();
        _prefix.Dispose();
        _connection.Dispose();
    }

    private static List<StoredDocument> ReadAll(SqliteCommand command, string kind, int? limit)
    {
        var documents = new List<StoredDocument>(Math.Min(limit ?? 16, 1024));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            documents.Add(ReadDocument(reader, kind));
        }

        return documents;
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static StoredDocument ReadDocument(SqliteDataReader reader, string kind) =>
        new(kind, reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3));

    private SqliteCommand Create(string sql, params ReadOnlySpan<string> parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(name, name == "$limit" ? SqliteType.Integer : SqliteType.Text);
        }

        command.Prepare();
        return command;
    }
}
