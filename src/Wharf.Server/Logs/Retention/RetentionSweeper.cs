using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Retention;

/// <summary>
/// Keeps <c>logs.db</c> within bounds: every sweep interval (and at once after
/// PutRetentionPolicy) it deletes each group's events older than its retention, then, while the
/// stored bytes exceed the configured budget, the oldest events of all groups. Deletes go in
/// chunks, each its own transaction, so ingestion is never blocked for long. Single-threaded:
/// one loop owns the sweep; <see cref="Wake"/> may be called from anywhere.
/// </summary>
internal sealed partial class RetentionSweeper(LogStore store, LogsOptions options, TimeProvider time, ILogger<RetentionSweeper> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks for a sweep now (coalesced with one already asked for).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    /// <summary>One sweep: retention then budget; the events deleted by each.</summary>
    public async Task<(long Expired, long Trimmed)> SweepAsync(CancellationToken cancellationToken)
    {
        long expired = 0;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var group in await store.AllGroupsAsync(cancellationToken))
        {
            if (group.RetentionInDays is not { } days)
            {
                continue;
            }

            var cutoff = now - (long)TimeSpan.FromDays(days).TotalMilliseconds;
            int deleted;
            while ((deleted = await store.DeleteExpiredChunkAsync(group.Id, cutoff, cancellationToken)) > 0)
            {
                expired += deleted;
            }
        }

        long trimmed = 0;
        if (options.MaxStoredBytes > 0)
        {
            int deleted;
            while ((deleted = await store.TrimChunkAsync(options.MaxStoredBytes, cancellationToken)) > 0)
            {
                trimmed += deleted;
            }
        }

        if (expired > 0)
        {
            LogExpired(logger, expired);
        }

        if (trimmed > 0)
        {
            LogTrimmed(logger, trimmed, options.MaxStoredBytes);
        }

        return (expired, trimmed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }

            using var round = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = _wake.WaitAsync(round.Token);
            var timer = Task.Delay(options.SweepInterval, time, round.Token);
            await Task.WhenAny(woken, timer);
            await round.CancelAsync();
            await Task.WhenAll(woken, timer).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(EventId = LogsEvents.RetentionSwept, Level = LogLevel.Information, Message = "Deleted {Count} log events past their group's retention")]
    private static partial void LogExpired(ILogger logger, long count);

    [LoggerMessage(EventId = LogsEvents.BudgetTrimmed, Level = LogLevel.Warning, Message = "Deleted the {Count} oldest log events to stay within the log storage budget of {MaxBytes} bytes")]
    private static partial void LogTrimmed(ILogger logger, long count, long maxBytes);

    [LoggerMessage(EventId = LogsEvents.SweepFailed, Level = LogLevel.Error, Message = "Log retention sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
