using Microsoft.Extensions.Logging;
using Wharf.Core.Model;
using Wharf.LoadBalancer.Snapshots;
using Wharf.Storage;

namespace Wharf.LoadBalancer.Health;

/// <summary>
/// Active health checks and drain expiry. Each tick starts the checks that are due (one in flight per
/// target, every <c>HealthCheckIntervalSeconds</c>) for targets of groups a listener uses, and deletes
/// draining targets whose delay has passed. A state change is written to the target's document with
/// the version the snapshot read, so a concurrent (de)registration wins and the next check retries.
/// <see cref="TickAsync"/> is the whole step, so tests drive it with fake time.
/// </summary>
internal sealed partial class HealthMonitor(
    IStateStore store, SnapshotHolder snapshots, IHealthProber prober, TimeProvider time, ILogger<HealthMonitor> logger)
{
    private readonly Dictionary<string, TargetHealthTracker> trackers = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Starts due checks; returns them so callers (tests) can await their completion.</summary>
    public async Task<IReadOnlyList<Task>> TickAsync(CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Current;
        var now = time.GetUtcNow();
        var started = new List<Task>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in snapshot.TargetGroups.Values)
        {
            foreach (var endpoint in view.Targets)
            {
                seen.Add(endpoint.Key);
                if (endpoint.Target.State == TargetStates.Draining)
                {
                    if (endpoint.Target.DrainUntil is { } until && until <= now)
                    {
                        await DeleteDrainedAsync(endpoint, cancellationToken);
                    }

                    continue;
                }

                if (!view.InUse || !view.Group.HealthCheck.Enabled)
                {
                    continue;
                }

                TargetHealthTracker tracker;
                lock (gate)
                {
                    if (!trackers.TryGetValue(endpoint.Key, out tracker!))
                    {
                        trackers[endpoint.Key] = tracker = new TargetHealthTracker { NextCheckAt = now };
                    }

                    if (tracker.InFlight || tracker.NextCheckAt > now)
                    {
                        continue;
                    }

                    tracker.InFlight = true;
                    tracker.NextCheckAt = now.AddSeconds(view.Group.HealthCheck.IntervalSeconds);
                }

                started.Add(CheckAsync(view.Group, endpoint, tracker, cancellationToken));
            }
        }

        lock (gate)
        {
            foreach (var key in trackers.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                trackers.Remove(key);
            }
        }

        return started;
    }

    private async Task CheckAsync(TargetGroupRecord group, TargetEndpoint endpoint, TargetHealthTracker tracker, CancellationToken cancellationToken)
    {
        try
        {
            var check = group.HealthCheck;
            var port = check.Port == "traffic-port" ? endpoint.Target.Port : int.Parse(check.Port, System.Globalization.CultureInfo.InvariantCulture);
            var url = new Uri($"http://{endpoint.Address}:{port}{check.Path}");
            var result = await prober.ProbeAsync(url, TimeSpan.FromSeconds(check.TimeoutSeconds), check.Matcher, cancellationToken);
            var verdict = tracker.Observe(endpoint.Target.State, endpoint.Target.Reason, result, check);
            if (verdict is not null)
            {
                await WriteAsync(endpoint, verdict, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckFailed(logger, endpoint.Key, ex);
        }
        finally
        {
            lock (gate)
            {
                tracker.InFlight = false;
            }
        }
    }

    private async Task WriteAsync(TargetEndpoint endpoint, HealthVerdict verdict, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(LoadBalancingKinds.Target, endpoint.Key, cancellationToken);
        if (document is null)
        {
            return;
        }

        var current = StateJson.Read<TargetRecord>(document.Body);
        if (current.State == TargetStates.Draining)
        {
            return;
        }

        var updated = current with
        {
            State = verdict.State,
            Reason = verdict.Reason,
            Description = verdict.Description,
            StateChangedAt = current.State == verdict.State ? current.StateChangedAt : time.GetUtcNow(),
        };
        var write = store.BeginTransaction();
        write.Put(LoadBalancingKinds.Target, endpoint.Key, current.TargetGroupArn, StateJson.Write(updated), document.Version);
        try
        {
            await write.CommitAsync(cancellationToken);
            if (current.State != verdict.State)
            {
                LogTransition(logger, endpoint.Key, current.State, verdict.State, verdict.Reason ?? "");
            }
        }
        catch (ConcurrencyConflictException)
        {
            // Someone (de)registered the target meanwhile; the next check decides again.
        }
    }

    private async Task DeleteDrainedAsync(TargetEndpoint endpoint, CancellationToken cancellationToken)
    {
        var write = store.BeginTransaction();
        write.Delete(LoadBalancingKinds.Target, endpoint.Key, endpoint.Version);
        try
        {
            await write.CommitAsync(cancellationToken);
            LogDrained(logger, endpoint.Key);
        }
        catch (ConcurrencyConflictException)
        {
            // Re-registered or already removed; the next snapshot shows which.
        }
    }

    [LoggerMessage(EventId = LogEvents.HealthCheckFailed, Level = LogLevel.Warning, Message = "Health check of {Target} could not run")]
    private static partial void LogCheckFailed(ILogger logger, string target, Exception exception);

    [LoggerMessage(EventId = LogEvents.TargetTransition, Level = LogLevel.Information, Message = "Target {Target}: {From} -> {To} {Reason}")]
    private static partial void LogTransition(ILogger logger, string target, string from, string to, string reason);

    [LoggerMessage(EventId = LogEvents.TargetDrained, Level = LogLevel.Information, Message = "Target {Target} drained and removed")]
    private static partial void LogDrained(ILogger logger, string target);
}
