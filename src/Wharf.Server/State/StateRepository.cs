using System.Text.Json;
using System.Text.Json.Serialization;
using Wharf.Storage;

namespace Wharf.Server.State;

/// <summary>
/// Typed access to <see cref="IStateStore"/>: records are JSON documents. Writes go through a
/// transaction from <see cref="Begin"/>; callers read, compute, put with the version they read,
/// and commit, retrying the whole closure on <see cref="ConcurrencyConflictException"/>.
/// </summary>
internal sealed class StateRepository(IStateStore store)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IStateStore Store => store;

    public async ValueTask<Versioned<T>?> GetAsync<T>(string kind, string key, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(kind, key, cancellationToken);
        return document is null ? null : Decode<T>(document);
    }

    public async ValueTask<IReadOnlyList<Versioned<T>>> ListAsync<T>(
        string kind, string? partition, CancellationToken cancellationToken, string? afterKey = null, int? limit = null)
    {
        var documents = await store.ListAsync(kind, partition, cancellationToken, afterKey, limit);
        var result = new List<Versioned<T>>(documents.Count);
        foreach (var document in documents)
        {
            result.Add(Decode<T>(document));
        }

        return result;
    }

    public async ValueTask<IReadOnlyList<Versioned<T>>> ListByPrefixAsync<T>(string kind, string prefix, CancellationToken cancellationToken)
    {
        var documents = await store.ListByPrefixAsync(kind, prefix, cancellationToken);
        return documents.Select(Decode<T>).ToList();
    }

    /// <summary>Records of a kind with <paramref name="value"/> at JSON property <paramref name="field"/> (see <see cref="IStateStore.ListByFieldAsync"/>).</summary>
    public async ValueTask<IReadOnlyList<Versioned<T>>> ListByFieldAsync<T>(
        string kind, string field, string value, CancellationToken cancellationToken, string? afterKey = null, int? limit = null)
    {
        var documents = await store.ListByFieldAsync(kind, field, value, cancellationToken, afterKey, limit);
        return documents.Select(Decode<T>).ToList();
    }

    public StateWrite Begin() => new(store.BeginTransaction());

    /// <summary>Runs a read-compute-commit closure, retrying it when a commit conflicts.</summary>
    public ValueTask<TResult> RetryAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> attempt, CancellationToken cancellationToken) =>
        store.RetryOnConflictAsync(attempt, cancellationToken);

    private static Versioned<T> Decode<T>(StoredDocument document) =>
        new(JsonSerializer.Deserialize<T>(document.Body, Json)
            ?? throw new InvalidOperationException($"Empty {document.Kind} '{document.Key}'."), document.Version, document.Key);
}

/// <summary>A typed wrapper over one <see cref="IStateTransaction"/>.</summary>
internal sealed class StateWrite(IStateTransaction transaction)
{
    public void Put<T>(string kind, string key, string partition, T value, long expectedVersion) =>
        transaction.Put(kind, key, partition, JsonSerializer.Serialize(value, StateRepository.Json), expectedVersion);

    public void Delete(string kind, string key, long expectedVersion) => transaction.Delete(kind, key, expectedVersion);

    public bool IsEmpty => transaction.IsEmpty;

    public ValueTask CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);
}
