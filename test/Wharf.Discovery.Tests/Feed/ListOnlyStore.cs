using Wharf.Storage;

namespace Wharf.Discovery.Tests.Feed;

/// <summary>A store the feed can list from; documents are set by the test. Writes are not supported.</summary>
internal sealed class ListOnlyStore : IStateStore
{
    private readonly Dictionary<(string Kind, string Key), StoredDocument> documents = [];

    public event EventHandler<StateChangedEventArgs>? Changed;

    public int Lists { get; private set; }

    public void Put(string kind, string key, string body)
    {
        var version = documents.TryGetValue((kind, key), out var old) ? old.Version + 1 : 1;
        documents[(kind, key)] = new StoredDocument(kind, key, "", version, body);
    }

    public void Delete(string kind, string key) => documents.Remove((kind, key));

    public void RaiseChanged(params string[] kinds) => Changed?.Invoke(this, new StateChangedEventArgs(kinds.ToHashSet()));

    public ValueTask<IReadOnlyList<StoredDocument>> ListAsync(string kind, string? partition, CancellationToken cancellationToken, string? afterKey = null, int? limit = null)
    {
        Lists++;
        IReadOnlyList<StoredDocument> list = documents.Values.Where(d => d.Kind == kind).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        return ValueTask.FromResult(list);
    }

    public ValueTask InitializeAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask<StoredDocument?> GetAsync(string kind, string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(documents.GetValueOrDefault((kind, key)));

    public ValueTask<IReadOnlyList<StoredDocument>> ListByPrefixAsync(string kind, string keyPrefix, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public IStateTransaction BeginTransaction() => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
