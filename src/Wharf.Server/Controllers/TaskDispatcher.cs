using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wharf.Core.Model;
using Wharf.Protocol.AgentChannel;
using Wharf.Server.AgentChannel;
using Wharf.Server.CloudMap.Dns;
using Wharf.Server.State;

namespace Wharf.Server.Controllers;

/// <summary>
/// Level-triggered push of desired tasks to connected agents. Woken by store commits that touch
/// tasks and by agents attaching, plus a periodic resync; on each pass it computes every
/// connected instance's desired set and sends it when it differs from what that agent last got.
/// The cluster's tasks are read and grouped by instance once per pass; an instance whose tasks
/// (keys and store versions), holds and DNS servers are what its last set was built from is
/// skipped without building, serializing or hashing its specs.
/// Runs on one loop, so the per-session fingerprints have a single writer.
/// A task told to stop while its load balancer targets or Cloud Map instances are still registered,
/// or while its targets drain (<see cref="TaskRecord.DrainUntil"/>), is still sent as RUNNING: the
/// agent gets the stop only once the attachment controller has taken it out of service and the
/// drain has ended, and a pass is timed for that instant.
/// </summary>
internal sealed partial class TaskDispatcher(
    StateRepository state,
    AgentRegistry agents,
    ContainerDnsServers containerDns,
    ResourceNames names,
    TimeProvider time,
    ILogger<TaskDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(10);

    /// <summary>The longest a stop is held for attachments (ELBv2's longest deregistration delay), in case they never clear.</summary>
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(3600);

    private DateTimeOffset? nextDrainEnd;
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly ConcurrentDictionary<string, TaskDefinitionRecord> definitions = new(StringComparer.Ordinal);

    /// <summary>What each session's last desired set was built from, by instance ARN (the loop's own).</summary>
    private readonly Dictionary<string, SentInputs> sent = new(StringComparer.Ordinal);

    /// <summary>Asks for a pass soon; many calls before the pass collapse into one.</summary>
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
                // Another caller woke it first.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        state.Store.Changed += (_, e) =>
        {
            if (e.Kinds.Contains(StateKinds.Task) || e.Kinds.Contains(StateKinds.ContainerInstance))
            {
                Wake();
            }
        };
        agents.Attached += _ => Wake();

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wait = Resync;
                if (nextDrainEnd is { } end)
                {
                    var until = end - time.GetUtcNow() + TimeSpan.FromMilliseconds(50);
                    wait = until < TimeSpan.Zero ? TimeSpan.Zero : until < wait ? until : wait;
                }

                await wake.WaitAsync(wait, stoppingToken);
                await DispatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(logger, ex);
            }
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        var byCluster = new Dictionary<string, ILookup<string, Versioned<TaskRecord>>>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var dns = containerDns.Current;
        nextDrainEnd = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var session in agents.Sessions)
        {
            ILookup<string, Versioned<TaskRecord>>? byInstance;
            if (session.ClusterArn == names.FargatePool)
            {
                // A Fargate capacity agent runs tasks of every cluster: found through the instance index.
                byInstance = (await state.ListByFieldAsync<TaskRecord>(StateKinds.Task, "containerInstanceArn", session.ContainerInstanceArn, cancellationToken))
                    .Where(t => t.Value.LastStatus != TaskStatuses.Stopped)
                    .ToLookup(t => t.Value.ContainerInstanceArn!, StringComparer.Ordinal);
            }
            else if (!byCluster.TryGetValue(session.ClusterArn, out byInstance))
            {
                // Grouped once per cluster and pass: each session then reads only its own tasks.
                byInstance = (await state.ListAsync<TaskRecord>(StateKinds.Task, session.ClusterArn, cancellationToken))
                    .Where(t => t.Value.ContainerInstanceArn is not null && t.Value.LastStatus != TaskStatuses.Stopped)
                    .ToLookup(t => t.Value.ContainerInstanceArn!, StringComparer.Ordinal);
                byCluster[session.ClusterArn] = byInstance;
            }

            seen.Add(session.ContainerInstanceArn);
            var mine = byInstance[session.ContainerInstanceArn];
            var inputs = mine.Select(t => new SpecInput(t.Key, t.Version, Held(t.Value, now))).ToArray();
            if (sent.TryGetValue(session.ContainerInstanceArn, out var last)
                && ReferenceEquals(last.Session, session)
                && ReferenceEquals(last.Dns, dns)
                && last.Inputs.AsSpan().SequenceEqual(inputs))
            {
                // Same tasks at the same versions, held alike, same DNS servers: the same specs as last sent.
                continue;
            }

            var specs = new List<TaskSpec>();
            var complete = true;
            foreach (var (task, input) in mine.Zip(inputs))
            {
                var definition = await GetDefinitionAsync(task.Value, cancellationToken);
                if (definition is not null)
                {
                    specs.Add(TaskSpecBuilder.Build(input.Held ? task.Value with { DesiredStatus = TaskStatuses.Running } : task.Value, definition, dns));
                }
                else
                {
                    complete = false;
                }
            }

            var fingerprint = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(specs, AgentChannelJson.Options)));
            if (fingerprint != session.SentFingerprint)
            {
                session.Generation++;
                var message = AgentMessage.Create(
                    AgentMessageTypes.Tasks,
                    $"tasks-{session.Generation}",
                    new DesiredTasks { Generation = session.Generation, Tasks = specs });
                if (!session.Send(message))
                {
                    sent.Remove(session.ContainerInstanceArn);
                    continue;
                }

                session.SentFingerprint = fingerprint;
                LogDispatched(logger, session.ContainerInstanceArn, specs.Count, session.Generation);
            }

            if (complete)
            {
                sent[session.ContainerInstanceArn] = new SentInputs(session, dns, inputs);
            }
            else
            {
                sent.Remove(session.ContainerInstanceArn);
            }
        }

        foreach (var gone in sent.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            sent.Remove(gone);
        }
    }

    /// <summary>True while a stop must wait for the task's attachments to be undone and its targets to drain.</summary>
    private bool Held(TaskRecord task, DateTimeOffset now)
    {
        if (task.DesiredStatus != TaskStatuses.Stopped
            || TaskStatuses.Order(task.LastStatus) > TaskStatuses.Order(TaskStatuses.Deactivating)
            || (task.StoppingAt is { } stopping && now - stopping > MaxHold))
        {
            return false;
        }

        if (task.HasLiveAttachments)
        {
            return true;
        }

        if (task.DrainUntil is { } end && end > now)
        {
            nextDrainEnd = nextDrainEnd is { } earlier && earlier < end ? earlier : end;
            return true;
        }

        return false;
    }

    private async ValueTask<TaskDefinitionRecord?> GetDefinitionAsync(TaskRecord task, CancellationToken cancellationToken)
    {
        if (definitions.TryGetValue(task.TaskDefinitionArn, out var cached))
        {
            return cached;
        }

        var record = await state.GetAsync<TaskDefinitionRecord>(
            StateKinds.TaskDefinition, TaskDefinitionRecord.KeyFor(task.Family, task.Revision), cancellationToken);
        if (record is not null)
        {
            // The container definitions of a revision never change; only its status does.
            definitions[task.TaskDefinitionArn] = record.Value;
        }

        return record?.Value;
    }

    [LoggerMessage(EventId = ServerEvents.DispatchFailed, Level = LogLevel.Error, Message = "Dispatching desired tasks failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = ServerEvents.Dispatched, Level = LogLevel.Debug, Message = "Sent {Count} desired tasks to {Instance} (generation {Generation})")]
    private static partial void LogDispatched(ILogger logger, string instance, int count, long generation);

    /// <summary>One task as a desired set was built from it.</summary>
    private readonly record struct SpecInput(string Key, long Version, bool Held);

    /// <summary>The inputs of the set last sent to a session.</summary>
    private sealed record SentInputs(AgentSession Session, IReadOnlyList<string> Dns, SpecInput[] Inputs);
}
