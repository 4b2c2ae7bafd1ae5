using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.ApplicationAutoScaling.Engine;

namespace Wharf.Server.ApplicationAutoScaling.Scheduled;

/// <summary>
/// Runs scheduled actions at their times: every tick (<see cref="ScalingOptions.Tick"/>, or when a
/// scheduled action is put) it finds the actions with an occurrence since the one last handled,
/// sets the target's bounds, moves the desired count into them, and records the occurrence as
/// handled (missed occurrences collapse into one run). A target with scheduled scaling suspended
/// skips its occurrences. Also drops activities older than six weeks, as AWS keeps them. One loop.
/// </summary>
internal sealed partial class ScheduledActionRunner(
    ScalingStore store,
    CapacityCommitter committer,
    ScalingOptions options,
    TimeProvider time,
    ILogger<ScheduledActionRunner> logger) : BackgroundService
{
    private static readonly TimeSpan ActivityRetention = TimeSpan.FromDays(42);
    private readonly SemaphoreSlim wake = new(0, 1);
    private DateTimeOffset nextPrune;

    /// <summary>Asks for a pass soon.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await PruneAsync(stoppingToken);
                await wake.WaitAsync(options.Tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogScheduleFailed(logger, ex);
                await Task.Delay(options.Tick, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Runs every action with an occurrence due now; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        var now = time.GetUtcNow();
        foreach (var action in await store.AllScheduledActionsAsync(ScalableResource.Ecs, cancellationToken))
        {
            var record = action.Value;
            var schedule = ScheduleExpression.Parse(record.Schedule, record.Timezone);
            var anchor = record.StartTime ?? record.CreatedAt;
            var from = record.LastOccurrence ?? record.CreatedAt;
            if (record.StartTime is { } start && from < start)
            {
                from = start.AddTicks(-1);
            }

            DateTimeOffset? due = null;
            for (var next = schedule.NextAfter(from, anchor); next is { } n && n <= now; next = schedule.NextAfter(n, anchor))
            {
                if (record.EndTime is { } end && n > end)
                {
                    break;
                }

                due = n;
            }

            if (due is null)
            {
                continue;
            }

            var resource = ScalableResource.Parse(record.ServiceNamespace, record.ResourceId, record.ScalableDimension);
            if (await RunAsync(resource, record, cancellationToken))
            {
                ran++;
            }

            await MarkAsync(action.Key, due.Value, cancellationToken);
        }

        return ran;
    }

    private async Task<bool> RunAsync(ScalableResource resource, ScheduledActionRecord action, CancellationToken cancellationToken)
    {
        var change = await committer.ApplyAsync(
            resource,
            (target, service) =>
            {
                if (target is null || target.ScheduledScalingSuspended)
                {
                    return null;
                }

                var min = action.MinCapacity ?? target.MinCapacity;
                var max = action.MaxCapacity ?? target.MaxCapacity;
                var now = time.GetUtcNow();
                var cause = ScalingActivities.ScheduledCause(action.Name);
                if (min > max)
                {
                    var failed = ScalingActivities.Bounds(resource, min, max, cause, now) with
                    {
                        StatusCode = "Failed",
                        StatusMessage = $"Failed to set min capacity to {min} and max capacity to {max}: the minimum is greater than the maximum.",
                    };
                    return new CapacityChange(target, null, cause, [failed]);
                }

                // Recorded a moment before the desired-count change it causes, so it lists after it (newest first).
                var bounds = ScalingActivities.Bounds(resource, min, max, cause, now.AddMilliseconds(-1));
                var current = service?.DesiredCount;
                var clamped = current is { } c ? CapacityMath.Clamp(c, min, max) : (int?)null;
                return new CapacityChange(
                    target with { MinCapacity = min, MaxCapacity = max },
                    clamped == current ? null : clamped,
                    ScalingActivities.BoundsCause(current ?? min, min, max),
                    [bounds]);
            },
            cancellationToken);
        if (change is not null)
        {
            LogScheduledRan(logger, action.Name, action.ResourceId, change.Target.MinCapacity, change.Target.MaxCapacity);
        }

        return change is not null;
    }

    private async Task MarkAsync(string key, DateTimeOffset occurrence, CancellationToken cancellationToken) =>
        await store.Repository.RetryAsync(
            async ct =>
            {
                var current = await store.Repository.GetAsync<ScheduledActionRecord>(ScalingKinds.ScheduledAction, key, ct);
                if (current is null || current.Value.LastOccurrence >= occurrence)
                {
                    return false;
                }

                var write = store.Repository.Begin();
                write.Put(ScalingKinds.ScheduledAction, key, current.Value.TargetKey, current.Value with { LastOccurrence = occurrence }, current.Version);
                await write.CommitAsync(ct);
                return true;
            },
            cancellationToken);

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < nextPrune)
        {
            return;
        }

        nextPrune = now + TimeSpan.FromHours(1);
        var old = (await store.ActivitiesAsync(ScalableResource.Ecs, cancellationToken))
            .Where(a => a.Value.StartTime < now - ActivityRetention)
            .ToList();
        if (old.Count == 0)
        {
            return;
        }

        var write = store.Repository.Begin();
        foreach (var activity in old)
        {
            write.Delete(ScalingKinds.Activity, activity.Key, activity.Version);
        }

        await write.CommitAsync(cancellationToken);
    }

    [LoggerMessage(EventId = ScalingEvents.ScheduledRan, Level = LogLevel.Information,
        Message = "Scheduled action {Name} set {ResourceId} to min {Min}, max {Max}")]
    private static partial void LogScheduledRan(ILogger logger, string name, string resourceId, int min, int max);

    [LoggerMessage(EventId = ScalingEvents.ScheduleFailed, Level = LogLevel.Error, Message = "Scheduled actions pass failed")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception);
}
