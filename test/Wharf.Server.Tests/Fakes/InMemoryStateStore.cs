using Wharf.Storage;

namespace Wharf.Server.Tests.Fakes;

/// <summary>
/// An <see cref="IStateStore"/> held in memory with the real store's contract: ordinal key order,
/// all-or-nothing commits, version checks that throw <see cref="ConcurrencyConflictException"/>.
/// Thread-safe (one lock), so tests can race commits against it.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<(string Kind, string Key), StoredDocument> documents = new(KeyComparer.Instance);

    public event EventHandler<StateChangedEventArgs>? Changed;

    /// <summary>Commits that succeeded.</summary>
    public int Commits { get; private set; }

    /// <summary>Commits refused for a version mismatch.</summary>
    public int Conflicts { get; private set; }

    /// <summary>Runs just before a commit checks its versions (a test can slip a rival write in here).</summary>
    public Action? BeforeCommit { get; set; }

    public ValueTask InitializeAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<StoredDocument?> GetAsync(string kind, string key, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return ValueTask.FromResult(documents.GetValueOrDefault((kind, key)));
        }
    }

    public ValueTask<IReadOnlyList<StoredDocument>> ListAsync(
        string kind, string? partition, CancellationToken cancellationToken, string? afterKey = null, int? limit = null)
    {
        lock (gate)
        {
            IEnumerable<StoredDocument> query = documents.Values.Where(d => d.Kind == kind && (partition is null || d.Partition == partition));
            if (afterKey is not null)
            {
                query = query.Where(d => string.CompareOrdinal(d.Key, afterKey) > 0);
            }

            if (limit is not null)
            {
                query = query.Take(limit.Value);
            }

            return ValueTask.FromResult<IReadOnlyList<StoredDocument>>(query.ToList());
        }
    }

    public ValueTask<IReadOnlyList<StoredDocument>> ListByPrefixAsync(string kind, string keyPrefix, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return ValueTask.FromResult<IReadOnlyList<StoredDocument>>(
                documents.Values.Where(d => d.Kind == kind && d.Key.StartsWith(keyPrefix, StringComparison.Ordinal)).ToList());
        }
    }

    public IStateTransaction BeginTransaction() => new Transaction(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Apply(List<Write> writes)
    {
        BeforeCommit?.Invoke();
        HashSet<string> kinds;
        lock (gate)
        {
            foreach (var write in writes)
            {
                var current = documents.GetValueOrDefault((write.Kind, write.Key))?.Version ?? 0;
                if (current != write.ExpectedVersion)
                {
                    Conflicts++;
                    throw new ConcurrencyConflictException(
                        $"{write.Kind} '{write.Key}' is at version {current}, not {write.ExpectedVersion}.");
                }
            }

            foreach (var write in writes)
            {
                if (write.Body is null)
                {
                    documents.Remove((write.Kind, write.Key));
                }
                else
                {
                    documents[(write.Kind, write.Key)] = new StoredDocument(write.Kind, write.Key, write.Partition!, write.ExpectedVersion + 1, write.Body);
                }
            }

            Commits++;
            kinds = writes.Select(w => w.Kind).ToHashSet(StringComparer.Ordinal);
        }

        Changed?.Invoke(this, new StateChangedEventArgs(kinds));
    }

    private sealed record Write(string Kind, string Key, string? Partition, string? Body, long ExpectedVersion);

    private sealed class Transaction(InMemoryStateStore store) : IStateTransaction
    {
        private readonly List<Write> writes = [];

        public bool IsEmpty => writes.Count == 0;

        public void Put(string kind, string key, string partition, string body, long expectedVersion) =>
            writes.Add(new Write(kind, key, partition, body, expectedVersion));

        public void Delete(string kind, string key, long expectedVersion) =>
            writes.Add(new Write(kind, key, null, null, expectedVersion));

        public ValueTask CommitAsync(CancellationToken cancellationToken)
        {
            store.Apply(writes);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class KeyComparer : IComparer<(string Kind, string Key)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string Kind, string Key) x, (string Kind, string Key) y)
        {
            var kind = string.CompareOrdinal(x.Kind, y.Kind);
            return kind != 0 ? kind : string.CompareOrdinal(x.Key, y.Key);
        }
    }
}
