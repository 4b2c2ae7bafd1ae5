using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Wharf.Agent.ControlPlane;
using Wharf.Agent.Docker;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Logs;

/// <summary>
/// Ships the output of this agent's <c>awslogs</c> containers to the server. Discovery (for the
/// agent's whole life) finds containers carrying the <see cref="AwsLogsConfig.Label"/> and starts
/// a <see cref="ContainerLogFollower"/> for each one not yet shipped to its end. While a session
/// is up, the publisher loop sends one <c>logs</c> batch at a time and waits for its
/// <c>logsResult</c>; a batch without an answer is sent again with the same id and content, so
/// lines are delivered at least once, and positions advance only on answers.
/// </summary>
internal sealed class LogShipper(
    IDockerEngine docker,
    DockerLogSource source,
    LogPositionStore positions,
    string instanceId,
    TimeProvider time,
    Func<string> newId,
    ILogger logger) : ISessionPublisher, ILogStreamOpener
{
    private const int MaxBatchEvents = 10_000;
    private const long MaxBatchBytes = 4L * 1024 * 1024;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan DiscoveryInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<(LogStreamBatch Stream, TaskCompletionSource<LogStreamResult> Done)> _opens = new();

    private readonly ConcurrentDictionary<string, ContainerLogFollower> _followers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _done = new(StringComparer.Ordinal);
    private readonly Lock _answerLock = new();
    private (string Id, TaskCompletionSource<LogBatchResult> Answer)? _inFlight;

    public IReadOnlyCollection<ContainerLogFollower> Followers => [.. _followers.Values];

    /// <summary>Finds containers to follow until cancelled; followers stop with it.</summary>
    public async Task RunDiscoveryAsync(CancellationToken cancellationToken)
    {
        var running = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                running.AddRange(await DiscoverAsync(cancellationToken));
            }
            catch (Exception e) when (e is TimeoutException or DockerEngineException or IOException)
            {
                logger.LogDiscoveryFailed(e.Message);
            }

            running.RemoveAll(t => t.IsCompleted);
            try
            {
                await Task.Delay(DiscoveryInterval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>One discovery round; the follower tasks it started.</summary>
    internal async Task<IReadOnlyList<Task>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var ids = await docker.ListContainersAsync(
            new Dictionary<string, string> { [DockerLabels.AgentInstance] = instanceId }, cancellationToken);
        var started = new List<Task>();
        foreach (var id in ids)
        {
            if (_followers.ContainsKey(id) || _done.ContainsKey(id))
            {
                continue;
            }

            var snapshot = await docker.InspectContainerAsync(id, cancellationToken);
            if (snapshot is null || AwsLogsConfig.FromLabels(snapshot.Labels) is not { } config)
            {
                _done[id] = true;
                continue;
            }

            if (positions.Load(id).Finished && !snapshot.IsRunning)
            {
                _done[id] = true;
                continue;
            }

            var follower = new ContainerLogFollower(id, config, source, docker, positions, time, logger);
            _followers[id] = follower;
            logger.LogFollowing(id, follower.Group, follower.Stream);
            started.Add(Task.Run(() => follower.RunAsync(cancellationToken), CancellationToken.None));
        }

        // Positions of containers that no longer exist are of no use.
        foreach (var known in positions.Known().Except(ids))
        {
            positions.Delete(known);
            _done.TryRemove(known, out _);
        }

        return started;
    }

    public async Task RunAsync(Func<AgentMessage, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var opens = new List<(LogStreamBatch Stream, TaskCompletionSource<LogStreamResult> Done)>();
            while (opens.Count < 100 && _opens.TryDequeue(out var open))
            {
                opens.Add(open);
            }

            var taken = TakeBatch();
            if (taken.Count == 0 && opens.Count == 0)
            {
                RetireCompleted();
                await Task.Delay(PollInterval, time, cancellationToken);
                continue;
            }

            var batch = new LogBatch
            {
                Streams = [.. opens.Select(o => o.Stream), .. taken.Select(t => new LogStreamBatch
                {
                    Group = t.Follower.Group,
                    Stream = t.Follower.Stream,
                    CreateGroup = t.Follower.CreateGroup,
                    Events = [.. t.Lines.Where(l => l.Message.Length > 0).Select(l => new LogLine(l.Timestamp, l.Message))],
                })],
            };
            var result = await DeliverAsync(batch, send, cancellationToken);
            for (var i = 0; i < opens.Count; i++)
            {
                opens[i].Done.TrySetResult(i < result.Streams.Count ? result.Streams[i] : new LogStreamResult { Group = opens[i].Stream.Group, Stream = opens[i].Stream.Stream });
            }

            var events = 0;
            for (var i = 0; i < taken.Count; i++)
            {
                var answer = opens.Count + i < result.Streams.Count ? result.Streams[opens.Count + i] : null;
                if (answer?.ErrorCode is { } code)
                {
                    // As the awslogs driver: lines the service refuses (the group is gone) are not retried for ever.
                    logger.LogLinesRefused(answer.Group, answer.Stream, code, answer.ErrorMessage);
                }

                taken[i].Follower.Commit(taken[i].Lines.Count);
                events += taken[i].Lines.Count;
            }

            logger.LogBatchAcknowledged(result.Streams.Count > 0 ? "batch" : "empty", events);
        }
    }

    public bool Acknowledge(string messageId) => false;

    public async Task<string?> OpenAsync(AwsLogsConfig config, string containerId, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<LogStreamResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _opens.Enqueue((new LogStreamBatch { Group = config.Group, Stream = config.StreamFor(containerId), CreateGroup = config.CreateGroup }, done));
        try
        {
            var result = await done.Task.WaitAsync(OpenTimeout, time, cancellationToken);
            return result.ErrorCode is { } code
                ? $"Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: {code}: {result.ErrorMessage}"
                : null;
        }
        catch (TimeoutException)
        {
            // Not connected: start anyway; the stream is created with the first lines shipped.
            return null;
        }
    }

    /// <summary>Takes the <c>logsResult</c> answering the batch in flight.</summary>
    public bool Receive(AgentMessage message)
    {
        if (message.Type != LogMessageTypes.LogsResult)
        {
            return false;
        }

        lock (_answerLock)
        {
            if (_inFlight is { } inFlight && inFlight.Id == message.Id)
            {
                inFlight.Answer.TrySetResult(message.ReadBody<LogBatchResult>());
            }
        }

        return true;
    }

    private async Task<LogBatchResult> DeliverAsync(LogBatch batch, Func<AgentMessage, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var id = newId();
        var answer = new TaskCompletionSource<LogBatchResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_answerLock)
        {
            _inFlight = (id, answer);
        }

        var message = AgentMessage.Create(LogMessageTypes.Logs, id, batch);
        try
        {
            while (true)
            {
                await send(message, cancellationToken);
                try
                {
                    return await answer.Task.WaitAsync(AnswerTimeout, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Same id, same content: the server may store it twice, never lose it.
                }
            }
        }
        finally
        {
            lock (_answerLock)
            {
                _inFlight = null;
            }
        }
    }

    private List<(ContainerLogFollower Follower, IReadOnlyList<PendingLine> Lines)> TakeBatch()
    {
        var taken = new List<(ContainerLogFollower, IReadOnlyList<PendingLine>)>();
        var count = 0;
        long bytes = 0;
        foreach (var follower in _followers.Values)
        {
            if (count >= MaxBatchEvents || bytes >= MaxBatchBytes)
            {
                break;
            }

            var lines = follower.Peek(MaxBatchEvents - count, MaxBatchBytes - bytes);
            if (lines.Count == 0)
            {
                continue;
            }

            taken.Add((follower, lines));
            count += lines.Count;
            bytes += lines.Sum(l => (long)System.Text.Encoding.UTF8.GetByteCount(l.Message) + 26);
        }

        return taken;
    }

    private void RetireCompleted()
    {
        foreach (var (id, follower) in _followers)
        {
            if (follower.Completed && _followers.TryRemove(id, out _))
            {
                _done[id] = true;
            }
        }
    }
}
