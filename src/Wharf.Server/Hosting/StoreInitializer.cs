using Microsoft.Extensions.Hosting;
using Wharf.Storage;

namespace Wharf.Server.Hosting;

/// <summary>Opens the state store before the controllers start.</summary>
internal sealed class StoreInitializer(IStateStore store, Readiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        readiness.MarkStoreReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
