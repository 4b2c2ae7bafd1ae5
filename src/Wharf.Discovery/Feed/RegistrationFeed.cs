using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wharf.Core.Model;
using Wharf.Discovery.Server;
using Wharf.Discovery.Zones;
using Wharf.Storage;

namespace Wharf.Discovery.Feed;

/// <summary>
/// Keeps <see cref="DiscoveryDnsServer"/>s current with the registrations and load balancers in the
/// state store: rebuilds the whole snapshot whenever a commit touches a discovery kind or a load
/// balancer (the store's <see cref="IStateStore.Changed"/> event, raised only in the process that
/// commits), coalescing bursts into one rebuild, and every <c>resync</c> in any case. A process that
/// only reads the store (<c>wharf dns</c>) sees others' commits through that resync alone, so it polls
/// often; a pass whose documents are all at the versions of the last one swaps nothing. One rebuild
/// runs at a time, on the loop started by <see cref="RunAsync"/>.
/// </summary>
public sealed class RegistrationFeed : IDisposable
{
    /// <summary>The resync of a process whose own commits raise change events.</summary>
    public static readonly TimeSpan DefaultResync = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly IStateStore store;
    private readonly IReadOnlyList<DiscoveryDnsServer> servers;
    private readonly ILogger logger;
    private readonly TimeSpan resync;
    private uint serial;
    private string? lastFingerprint;

    /// <summary>Feeds one server, resyncing every 30 s.</summary>
    public RegistrationFeed(IStateStore store, DiscoveryDnsServer server, ILogger logger)
        : this(store, [server], logger, DefaultResync)
    {
    }

    /// <summary>Feeds <paramref name="servers"/> the same snapshots, rereading the store at least every <paramref name="resync"/>.</summary>
    public RegistrationFeed(IStateStore store, IReadOnlyList<DiscoveryDnsServer> servers, ILogger logger, TimeSpan resync)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resync, TimeSpan.Zero);
        this.store = store;
        this.servers = servers;
        this.logger = logger;
        this.resync = resync;
    }

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

                // The periodic resync covers a change event missed while rebuilding, and commits made
                // by other processes, which raise no event here.
                await wake.WaitAsync(resync, cancellationToken);
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

    /// <summary>Reads every namespace, service, instance and load balancer and swaps in the zones they make (when any changed).</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        var namespaces = await store.ListAsync(DiscoveryKinds.Namespace, null, cancellationToken);
        var services = await store.ListAsync(DiscoveryKinds.Service, null, cancellationToken);
        var instances = await store.ListAsync(DiscoveryKinds.Instance, null, cancellationToken);
        var balancers = await store.ListAsync(LoadBalancingKinds.LoadBalancer, null, cancellationToken);
        var fingerprint = StoreFingerprint.Of([namespaces, services, instances, balancers]);
        if (fingerprint == lastFingerprint)
        {
            return;
        }

        var snapshot = ZoneBuilder.Build(
            Read<DiscoveryNamespaceRecord>(namespaces),
            Read<DiscoveryServiceRecord>(services),
            Read<DiscoveryInstanceRecord>(instances),
            ++serial,
            Read<LoadBalancerRecord>(balancers).Select(b => b.DnsName));
        foreach (var server in servers)
        {
            server.Update(snapshot);
        }

        lastFingerprint = fingerprint;
    }

    private static List<T> Read<T>(IReadOnlyList<StoredDocument> documents) =>
        documents.Select(d => JsonSerializer.Deserialize<T>(d.Body, Json)!).ToList();

    private void OnChanged(object? sender, StateChangedEventArgs e)
    {
        if (e.Kinds.Any(k => k.StartsWith("sd-", StringComparison.Ordinal) || k == LoadBalancingKinds.LoadBalancer) && wake.CurrentCount == 0)
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
