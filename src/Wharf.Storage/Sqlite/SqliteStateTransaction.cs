namespace Wharf.Storage.Sqlite;

/// <summary>
/// Buffers writes in memory until <see cref="CommitAsync"/>; nothing touches the database before.
/// Not thread-safe: one caller builds and commits it. Commits once.
/// </summary>
internal sealed class SqliteStateTransaction(SqliteStateStore store) : IStateTransaction
{
    private readonly List<PendingWrite> _writes = [];
    private bool _committed;

    public bool IsEmpty => _writes.Count == 0;

    public void Put(string kind, string key, string partition, string body, long expectedVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ThrowIfCommitted();
        _writes.Add(new PendingWrite(kind, key, partition, body, expectedVersion));
    }

    public void Delete(string kind, string key, long expectedVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(expectedVersion, 1);
        ThrowIfCommitted();
        _writes.Add(new PendingWrite(kind, key, null, null, expectedVersion));
    }

    public ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        ThrowIfCommitted();
        _committed = true;
        return store.CommitAsync(_writes, cancellationToken);
    }

    private void ThrowIfCommitted()
    {
        if (_committed)
        {
            throw new InvalidOperationException("This transaction was already committed; begin a new one.");
        }
    }
}
