namespace Wharf.Storage;

/// <summary>
/// All of Wharf's state, as versioned JSON documents grouped by kind and partition.
/// Reads see committed state. Writes are buffered in an <see cref="IStateTransaction"/> and
/// committed atomically with optimistic concurrency: every put or delete names the version it
/// expects, and a commit whose expectations do not hold changes nothing and throws
/// <see cref="ConcurrencyConflictException"/>. Implementations are safe to call from any thread.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    /// <summary>Creates the schema if needed. Called once before any other member.</summary>
    ValueTask InitializeAsync(CancellationToken cancellationToken);

    /// <summary>One document, or null.</summary>
    ValueTask<StoredDocument?> GetAsync(string kind, string key, CancellationToken cancellationToken);

    /// <summary>Documents of a kind, optionally of one partition, ordered by key (ordinal).</summary>
    /// <param name="afterKey">Only keys ordinally greater than this one (for paging).</param>
    /// <param name="limit">At most this many; null for all.</param>
    ValueTask<IReadOnlyList<StoredDocument>> ListAsync(
        string kind, string? partition, CancellationToken cancellationToken, string? afterKey = null, int? limit = null);

    /// <summary>Documents of a kind whose key starts with <paramref name="keyPrefix"/>, ordered by key.</summary>
    ValueTask<IReadOnlyList<StoredDocument>> ListByPrefixAsync(string kind, string keyPrefix, CancellationToken cancellationToken);

    /// <summary>
    /// Documents of a kind whose JSON body holds the string <paramref name="value"/> at the top-level
    /// property <paramref name="field"/>, ordered by key and paged like <see cref="ListAsync"/>. The
    /// pairs in <see cref="IndexedFields"/> are served by an index; any other pair is correct but
    /// reads the whole kind. This default reads the whole kind; stores override it.
    /// </summary>
    async ValueTask<IReadOnlyList<StoredDocument>> ListByFieldAsync(
        string kind, string field, string value, CancellationToken cancellationToken, string? afterKey = null, int? limit = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(value);
        var result = new List<StoredDocument>();
        foreach (var document in await ListAsync(kind, null, cancellationToken, afterKey))
        {
            if (limit is { } max && result.Count >= max)
            {
                break;
            }

            using var json = System.Text.Json.JsonDocument.Parse(document.Body);
            if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty(field, out var property)
                && property.ValueKind == System.Text.Json.JsonValueKind.String
                && property.GetString() == value)
            {
                result.Add(document);
            }
        }

        return result;
    }

    /// <summary>The (kind, field) pairs <see cref="ListByFieldAsync"/> finds through an index.</summary>
    static IReadOnlyList<(string Kind, string Field)> IndexedFields { get; } =
    [
        ("task", "serviceArn"),
        ("task", "containerInstanceArn"),
        ("container-instance", "ec2InstanceId"),
    ];

    /// <summary>Starts buffering writes.</summary>
    IStateTransaction BeginTransaction();

    /// <summary>Raised after every successful commit, with the kinds it touched.</summary>
    event EventHandler<StateChangedEventArgs>? Changed;
}

/// <summary>Buffered writes, committed all-or-nothing.</summary>
public interface IStateTransaction
{
    /// <summary>
    /// Creates or replaces a document. <paramref name="expectedVersion"/> is the version read
    /// (0: the document must not exist). The committed version is <paramref name="expectedVersion"/> + 1.
    /// </summary>
    void Put(string kind, string key, string partition, string body, long expectedVersion);

    /// <summary>Deletes a document that must be at <paramref name="expectedVersion"/>.</summary>
    void Delete(string kind, string key, long expectedVersion);

    /// <summary>True when nothing was buffered.</summary>
    bool IsEmpty { get; }

    /// <summary>Applies every buffered write in one database transaction.</summary>
    /// <exception cref="ConcurrencyConflictException">A version did not match; nothing was written.</exception>
    ValueTask CommitAsync(CancellationToken cancellationToken);
}

/// <summary>A stored document.</summary>
/// <param name="Kind">Resource kind, e.g. <c>cluster</c>, <c>task</c>.</param>
/// <param name="Key">Unique within the kind.</param>
/// <param name="Partition">Grouping for listing, e.g. the cluster ARN of a task.</param>
/// <param name="Version">1 after the first put; grows by one per put.</param>
/// <param name="Body">JSON.</param>
public sealed record StoredDocument(string Kind, string Key, string Partition, long Version, string Body);

/// <summary>Which kinds a commit touched.</summary>
public sealed class StateChangedEventArgs(IReadOnlySet<string> kinds) : EventArgs
{
    /// <summary>The kinds written.</summary>
    public IReadOnlySet<string> Kinds { get; } = kinds;
}

/// <summary>A commit's version expectations did not hold; nothing was written.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException() { }
    public ConcurrencyConflictException(string message) : base(message) { }
    public ConcurrencyConflictException(string message, Exception inner) : base(message, inner) { }
}
