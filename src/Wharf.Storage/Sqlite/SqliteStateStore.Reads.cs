namespace Wharf.Storage.Sqlite;

/// <summary>Reads, each on a pooled <see cref="ReaderSession"/>.</summary>
public sealed partial class SqliteStateStore
{
    /// <inheritdoc />
    public ValueTask<StoredDocument?> GetAsync(string kind, string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var reader = RentReader();
        try
        {
            return ValueTask.FromResult(reader.Get(kind, key));
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredDocument>> ListAsync(
        string kind, string? partition, CancellationToken cancellationToken, string? afterKey = null, int? limit = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (limit is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(limit));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var reader = RentReader();
        try
        {
            return ValueTask.FromResult<IReadOnlyList<StoredDocument>>(reader.List(kind, partition, afterKey, limit));
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredDocument>> ListByPrefixAsync(
        string kind, string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        cancellationToken.ThrowIfCancellationRequested();
        var reader = RentReader();
        try
        {
            return ValueTask.FromResult<IReadOnlyList<StoredDocument>>(reader.ListByPrefix(kind, keyPrefix));
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<StoredDocument>> ListByFieldAsync(
        string kind, string field, string value, CancellationToken cancellationToken, string? afterKey = null, int? limit = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(value);
        if (limit is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(limit));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var reader = RentReader();
        try
        {
            return ValueTask.FromResult<IReadOnlyList<StoredDocument>>(reader.ListByField(kind, field, value, afterKey, limit));
        }
        finally
        {
            ReturnReader(reader);
        }
    }

    private ReaderSession RentReader()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is null)
        {
            throw new InvalidOperationException("Call InitializeAsync before using the state store.");
        }

        if (_readers.TryTake(out var reader))
        {
            return reader;
        }

        var connection = OpenConnection(_readerConnectionString);
        try
        {
            // Belt and braces: a reader connection can never write, whatever a bug sends it.
            Execute(connection, "PRAGMA query_only = 1;");
            return new ReaderSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void ReturnReader(ReaderSession reader)
    {
        // The count is approximate under races; the bound only needs to stop unbounded growth.
        if (_disposed || _readers.Count >= MaxPooledReaders)
        {
            reader.Dispose();
            return;
        }

        _readers.Add(reader);

        // Dispose may have drained the pool between the check above and the add.
        if (_disposed && _readers.TryTake(out var late))
        {
            late.Dispose();
        }
    }
}
