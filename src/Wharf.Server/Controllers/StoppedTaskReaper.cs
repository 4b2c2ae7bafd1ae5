using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Core.Model;
using Wharf.Server.Ecs.Tasks;
using Wharf.Server.State;
using Wharf.Storage;

namespace Wharf.Server.Controllers;

/// <summary>
/// Forgets stopped tasks once they have been stopped for <see cref="WharfServerOptions.StoppedTaskRetention"/>
/// (ECS keeps a stopped task visible for at least an hour), with their tags, and <c>clientToken</c>
/// records once they no longer make a retry idempotent (<see cref="ClientTokens.TimeToLive"/>). Without it the store, every pass
/// of the controllers and a crash-looping service's record would grow with every task ever run.
/// A task is deleted at the version read, so one that changed meanwhile waits for the next sweep.
/// </summary>
internal sealed partial class StoppedTaskReaper(
    StateRepository state,
    WharfServerOptions options,
    TimeProvider time,
    ILogger<StoppedTaskReaper> logger) : BackgroundService
{
    /// <summary>Tasks read, and deleted, per transaction.</summary>
    private const int PageSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.StoppedTaskRetention / 12;
        var interval = every < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1)
            : every > TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(5) : every;
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    /// <summary>One sweep over every cluster; returns how many tasks were forgotten.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.StoppedTaskRetention;
        var forgotten = 0;
        foreach (var cluster in await state.ListAsync<ClusterRecord>(StateKinds.Cluster, "", cancellationToken))
        {
            var gone = new HashSet<string>(StringComparer.Ordinal);
            string? after = null;
            while (true)
            {
                var page = await state.ListAsync<TaskRecord>(StateKinds.Task, cluster.Value.Arn, cancellationToken, after, PageSize);
                if (page.Count == 0)
                {
                    break;
                }

                after = page[^1].Key;
                var expired = page.Where(t => IsExpired(t.Value, cutoff)).ToList();
                if (expired.Count > 0 && await ForgetAsync(expired, cancellationToken))
                {
                    gone.UnionWith(expired.Select(t => t.Value.Arn));
                }
            }

            await ForgetTokensAsync(cluster.Value.Arn, time.GetUtcNow() - ClientTokens.TimeToLive, cancellationToken);
            if (gone.Count > 0)
            {
                LogForgotten(logger, gone.Count, cluster.Value.Arn);
                forgotten += gone.Count;
            }
        }

        return forgotten;
    }

    private static bool IsExpired(TaskRecord task, DateTimeOffset cutoff) =>
        task.LastStatus == TaskStatuses.Stopped
        && task.DesiredStatus == TaskStatuses.Stopped
        && (task.StoppedAt ?? task.ExecutionStoppedAt ?? task.CreatedAt) <= cutoff;

    private async Task<bool> ForgetAsync(IReadOnlyList<Versioned<TaskRecord>> tasks, CancellationToken cancellationToken)
    {
        var write = state.Begin();
        foreach (var task in tasks)
        {
            write.Delete(StateKinds.Task, task.Key, task.Version);
            if (await state.GetAsync<TagSet>(StateKinds.Tags, task.Value.Arn, cancellationToken) is { } tags)
            {
                write.Delete(StateKinds.Tags, task.Value.Arn, tags.Version);
            }
        }

        try
        {
            await write.CommitAsync(cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            // One of them changed since the read: the next sweep reads them again.
            return false;
        }
    }

    /// <summary>Deletes the <c>clientToken</c> records made before <paramref name="cutoff"/>: a retry with their token starts new tasks anyway.</summary>
    private async Task ForgetTokensAsync(string clusterArn, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var write = state.Begin();
        foreach (var token in await state.ListAsync<IdempotencyRecord>(StateKinds.Idempotency, clusterArn, cancellationToken))
        {
            if (token.Value.CreatedAt <= cutoff)
            {
                write.Delete(StateKinds.Idempotency, token.Key, token.Version);
            }
        }

        if (write.IsEmpty)
        {
            return;
        }

        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A retry of that token is being answered right now: keep it.
        }
    }

    [LoggerMessage(EventId = ServerEvents.StoppedTasksForgotten, Level = LogLevel.Information,
        Message = "Forgot {Count} tasks stopped for longer than the retention in {Cluster}")]
    private static partial void LogForgotten(ILogger logger, int count, string cluster);

    [LoggerMessage(EventId = ServerEvents.StoppedTaskSweepFailed, Level = LogLevel.Error, Message = "Sweeping stopped tasks failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
