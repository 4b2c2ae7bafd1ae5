using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wharf.Core.Model;
using Wharf.Discovery.Server;
using Wharf.Discovery.Zones;
using Wharf.Storage;

namespace Wharf.Discovery.Feed;

/// <summary>
/// Keeps a <see cref="DiscoveryDnsServer"/> current with the registrations in the state store:
/// rebuilds the whole snapshot whenever a commit touches a discovery kind (the store's
/// <see cref="IStateStore.Changed"/> event), coalescing bursts into one rebuild. One rebuild runs
/// at a time, on the loop started by <see cref="RunAsync"/>.
/// </summary>
public sealed class RegistrationFeed(IStateStore store, DiscoveryDnsServer server, ILogger logger) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim wake = new(0, 1);
    private uint serial;

    /// <summary>Loads the zones, then reloads them after every discovery change until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        store.Changed += OnChanged;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await RebuildAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    DnsLog.RebuildFailed(logger, ex);
                }

                // A periodic resync covers a change event missed while rebuilding.
                await wake.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            store.Changed -= OnChanged;
        }
    }

    /// <summary>Reads every namespace, service and instance and swaps in the zones they make.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var namespaces = await ReadAsync<DiscoveryNamespaceRecord>(DiscoveryKinds.Namespace, cancellationToken);
        var services = await ReadAsync<DiscoveryServiceRecord>(DiscoveryKinds.Service, cancellationToken);
        var instances = await ReadAsync<DiscoveryInstanceRecord>(DiscoveryKinds.Instance, cancellationToken);
        server.Update(ZoneBuilder.Build(namespaces, services, instances, ++serial));
    }

    private async Task<List<T>> ReadAsync<T>(string kind, CancellationToken cancellationToken)
    {
        var documents = await store.ListAsync(kind, null, cancellationToken);
        return documents.Select(d => JsonSerializer.Deserialize<T>(d.Body, Json)!).ToList();
    }

    private void OnChanged(object? sender, StateChangedEventArgs e)
    {
        if (e.Kinds.Any(k => k.StartsWith("sd-", StringComparison.Ordinal)) && wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken: the pending rebuild will see this change too.
            }
        }
    }

    public void Dispose() => wake.Dispose();
}
