using Microsoft.Extensions.Logging;
using Wharf.Core.Model;
using Wharf.LoadBalancer.Snapshots;
using Wharf.Storage;

namespace Wharf.LoadBalancer;

/// <summary>
/// Rebuilds the snapshot when the store commits load balancing records or container instances (and
/// on a periodic resync), then swaps it in. A failed read keeps the previous snapshot serving, so a
/// bad change never takes down listeners that work. One loop: the only writer of the holder.
/// </summary>
internal sealed partial class SnapshotPublisher(
    IStateStore store, SnapshotReader reader, SnapshotHolder holder, LoadBalancerOptions options, ILogger<SnapshotPublisher> logger) : IDisposable
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        store.Changed += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshAsync(stoppingToken);
                try
                {
                    await wake.WaitAsync(options.Resync, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }
        finally
        {
            store.Changed -= OnChanged;
        }
    }

    /// <summary>Reads the store once and swaps the snapshot in.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            holder.Swap(await reader.ReadAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSnapshotFailed(logger, ex);
        }
    }

    public void Dispose() => wake.Dispose();

    private void OnChanged(object? sender, StateChangedEventArgs e)
    {
        if (e.Kinds.Any(k => k.StartsWith("elb-", StringComparison.Ordinal) || k == StateKinds.ContainerInstance) && wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    [LoggerMessage(EventId = LogEvents.SnapshotFailed, Level = LogLevel.Error, Message = "Could not read load balancer state; the previous configuration keeps serving")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception);
}
