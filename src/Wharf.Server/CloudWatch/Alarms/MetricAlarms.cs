using System.Text.Json;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>
/// The metric alarms: kept in memory, written through to <c>metrics.db</c>, loaded on first use.
/// Every change runs under one gate; a stored <see cref="MetricAlarm"/> is never mutated after it
/// is published (changes replace it with a copy), so the lists handed out are safe to read while
/// alarms change.
/// </summary>
internal sealed partial class MetricAlarms(Metrics.MetricsDatabase database, WharfServerOptions server, TimeProvider time) : IMetricAlarms, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, StoredAlarm>? _alarms;

    public string ArnOf(string name) => $"arn:aws:cloudwatch:{server.Region}:{server.AccountId}:alarm:{name}";

    public async ValueTask PutAsync(PutMetricAlarmInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var alarm = AlarmDefinition.Build(input, ArnOf(input.AlarmName ?? ""), now);
        CheckTags(input.Tags);
        await LockedAsync(async alarms =>
        {
            var created = !alarms.TryGetValue(alarm.AlarmName!, out var existing);
            if (existing is not null)
            {
                // An update overwrites the configuration and leaves the state as it is.
                alarm.StateValue = existing.Alarm.StateValue;
                alarm.StateReason = existing.Alarm.StateReason;
                alarm.StateReasonData = existing.Alarm.StateReasonData;
                alarm.StateUpdatedTimestamp = existing.Alarm.StateUpdatedTimestamp;
                alarm.StateTransitionedTimestamp = existing.Alarm.StateTransitionedTimestamp;
            }

            var stored = new StoredAlarm { Alarm = alarm, Tags = existing?.Tags ?? [.. input.Tags ?? []] };
            alarms[alarm.AlarmName!] = stored;
            await SaveAsync(stored, cancellationToken);
            await AddHistoryAsync(alarm.AlarmName!, now, "ConfigurationUpdate",
                $"Alarm \"{alarm.AlarmName}\" {(created ? "created" : "updated")}",
                JsonSerializer.Serialize(new { version = "1.0", type = created ? "Create" : "Update", createdAlarm = alarm }), cancellationToken);
            return 0;
        }, cancellationToken);
    }

    public async ValueTask DeleteAsync(IReadOnlyList<string> alarmNames, CancellationToken cancellationToken)
    {
        await LockedAsync(async alarms =>
        {
            if (alarmNames.FirstOrDefault(n => !alarms.ContainsKey(n)) is { } missing)
            {
                throw CloudWatchErrors.AlarmNotFound(missing);
            }

            foreach (var name in alarmNames.Distinct(StringComparer.Ordinal))
            {
                alarms.Remove(name);
                await RemoveAsync(name, cancellationToken);
            }

            return 0;
        }, cancellationToken);
    }

    /// <summary>Every alarm, in name order.</summary>
    public Task<IReadOnlyList<StoredAlarm>> ListAsync(CancellationToken cancellationToken) =>
        LockedAsync(alarms => Task.FromResult<IReadOnlyList<StoredAlarm>>(
            [.. alarms.Values.OrderBy(a => a.Alarm.AlarmName, StringComparer.Ordinal)]), cancellationToken);

    public async ValueTask<IReadOnlyList<MetricAlarm>> WithAlarmActionAsync(string actionArn, CancellationToken cancellationToken) =>
        [.. (await ListAsync(cancellationToken))
            .Select(a => a.Alarm)
            .Where(a => a.AlarmActions?.Contains(actionArn, StringComparer.Ordinal) == true)];

    /// <summary>
    /// Sets an alarm's state (SetAlarmState, or the evaluator's verdict). <paramref name="onlyIfUnchangedSince"/>
    /// guards the evaluator: a configuration update after it read the alarm wins. Null when the alarm is gone.
    /// </summary>
    public Task<AlarmTransition?> SetStateAsync(
        string name, string state, string reason, string? reasonData, CancellationToken cancellationToken, DateTimeOffset? onlyIfUnchangedSince = null) =>
        LockedAsync(async alarms =>
        {
            if (!alarms.TryGetValue(name, out var stored))
            {
                return null;
            }

            var old = stored.Alarm;
            if (onlyIfUnchangedSince is { } since && old.AlarmConfigurationUpdatedTimestamp > since)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var oldState = old.StateValue ?? AlarmStates.InsufficientData;
            var changed = oldState != state;
            var next = Clone(old);
            next.StateValue = state;
            next.StateReason = reason;
            next.StateReasonData = reasonData;
            next.StateUpdatedTimestamp = changed || reason != old.StateReason ? now : old.StateUpdatedTimestamp;
            next.StateTransitionedTimestamp = changed ? now : old.StateTransitionedTimestamp;
            if (changed || reason != old.StateReason)
            {
                stored.Alarm = next;
                await SaveAsync(stored, cancellationToken);
            }

            if (changed)
            {
                await AddHistoryAsync(name, now, "StateUpdate", $"Alarm updated from {oldState} to {state}", JsonSerializer.Serialize(new
                {
                    version = "1.0",
                    oldState = new { stateValue = oldState, stateReason = old.StateReason },
                    newState = new { stateValue = state, stateReason = reason, stateReasonData = reasonData },
                }), cancellationToken);
            }

            return new AlarmTransition(name, next.AlarmArn!, oldState, state, reason, now);
        }, cancellationToken);

    public Task SetActionsEnabledAsync(IReadOnlyList<string> names, bool enabled, CancellationToken cancellationToken) =>
        LockedAsync(async alarms =>
        {
            foreach (var name in names)
            {
                if (alarms.TryGetValue(name, out var stored) && stored.Alarm.ActionsEnabled != enabled)
                {
                    var next = Clone(stored.Alarm);
                    next.ActionsEnabled = enabled;
                    stored.Alarm = next;
                    await SaveAsync(stored, cancellationToken);
                }
            }

            return 0;
        }, cancellationToken);

    public async ValueTask RemoveAlarmActionsAsync(IReadOnlyList<string> actionArns, CancellationToken cancellationToken)
    {
        if (actionArns.Count == 0)
        {
            return;
        }

        await LockedAsync(async alarms =>
        {
            foreach (var stored in alarms.Values)
            {
                if (stored.Alarm.AlarmActions is { } actions && actions.Any(a => actionArns.Contains(a, StringComparer.Ordinal)))
                {
                    var next = Clone(stored.Alarm);
                    next.AlarmActions = actions.Where(a => !actionArns.Contains(a, StringComparer.Ordinal)).ToList();
                    stored.Alarm = next;
                    await SaveAsync(stored, cancellationToken);
                }
            }

            return 0;
        }, cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    private static MetricAlarm Clone(MetricAlarm alarm) =>
        JsonSerializer.Deserialize<MetricAlarm>(JsonSerializer.SerializeToUtf8Bytes(alarm))!;

    private async Task<T> LockedAsync<T>(Func<Dictionary<string, StoredAlarm>, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _alarms ??= await LoadAsync(cancellationToken);
            return await work(_alarms);
        }
        finally
        {
            _gate.Release();
        }
    }
}
