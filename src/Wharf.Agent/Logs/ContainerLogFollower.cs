using Microsoft.Extensions.Logging;
using Wharf.Agent.Docker;

namespace Wharf.Agent.Logs;

/// <summary>
/// Follows one container's output from Docker into a queue of events waiting to be shipped.
/// One reader task fills the queue; the shipper peeks a batch and, once the server acknowledged
/// it, commits it (dropping it from the queue and saving the position). In blocking mode the
/// reader waits while the queue holds <c>max-buffer-size</c>; in non-blocking mode it drops
/// lines instead (Docker's own rule), and counts them. Thread-safe through one lock.
/// </summary>
internal sealed class ContainerLogFollower(
    string containerId,
    AwsLogsConfig config,
    DockerLogSource source,
    IDockerEngine docker,
    LogPositionStore positions,
    TimeProvider time,
    ILogger logger)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<PendingLine> _queue = new();
    private long _bufferedBytes;
    private bool _readingDone;

    public string ContainerId => containerId;

    public string Group => config.Group;

    public string Stream => config.StreamFor(containerId);

    public bool CreateGroup => config.CreateGroup;

    /// <summary>Lines dropped because the non-blocking buffer was full.</summary>
    public long Dropped { get; private set; }

    /// <summary>True once the container exited, its output was read to the end and all of it shipped.</summary>
    public bool Completed
    {
        get
        {
            lock (_lock)
            {
                return _readingDone && _queue.Count == 0;
            }
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Reads until the container has exited and its output is read, or until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var readFrom = positions.Load(containerId);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var body = await source.OpenAsync(containerId, readFrom.UnixNanos, follow: true, cancellationToken);
                if (body is null)
                {
                    break;
                }

                var assembler = new LogLineAssembler(readFrom);
                await foreach (var record in DockerLogReader.ReadAsync(body, config.Tty, cancellationToken))
                {
                    foreach (var line in assembler.Add(record))
                    {
                        await EnqueueAsync(line, cancellationToken);
                        readFrom = line.Position ?? readFrom;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException)
            {
                logger.LogFollowInterrupted(containerId, e.Message);
            }

            // The stream ends when the container stops (or Docker restarts): done only if it exited.
            var snapshot = await InspectAsync(cancellationToken);
            if (snapshot is null || snapshot.HasExited)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }

        lock (_lock)
        {
            _readingDone = true;
        }

        MarkFinishedIfDone();
    }

    /// <summary>Up to <paramref name="maxCount"/> queued lines within about <paramref name="maxBytes"/>, oldest first, left queued.</summary>
    public IReadOnlyList<PendingLine> Peek(int maxCount, long maxBytes)
    {
        lock (_lock)
        {
            var lines = new List<PendingLine>();
            long bytes = 0;
            for (var node = _queue.First; node is not null && lines.Count < maxCount; node = node.Next)
            {
                bytes += System.Text.Encoding.UTF8.GetByteCount(node.Value.Message) + 26;
                if (bytes > maxBytes && lines.Count > 0)
                {
                    break;
                }

                lines.Add(node.Value);
            }

            return lines;
        }
    }

    /// <summary>The server has the first <paramref name="count"/> queued lines: drop them and save the position.</summary>
    public void Commit(int count)
    {
        LogPosition? position = null;
        lock (_lock)
        {
            for (var i = 0; i < count && _queue.First is { } first; i++)
            {
                position = first.Value.Position ?? position;
                _bufferedBytes -= first.Value.Size;
                _queue.RemoveFirst();
            }
        }

        if (position is not null)
        {
            positions.Save(containerId, position);
        }

        MarkFinishedIfDone();
    }

    private async Task EnqueueAsync(PendingLine line, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lock)
            {
                if (_bufferedBytes + line.Size <= config.MaxBufferBytes || _queue.Count == 0)
                {
                    _queue.AddLast(line);
                    _bufferedBytes += line.Size;
                    return;
                }

                if (!config.Blocking)
                {
                    // Keep only the position, so the dropped line counts as handled.
                    Dropped++;
                    var marker = line with { Message = string.Empty };
                    _queue.AddLast(marker);
                    _bufferedBytes += marker.Size;
                    if (Dropped == 1 || Dropped % 1000 == 0)
                    {
                        logger.LogLinesDropped(containerId, Dropped);
                    }

                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }

    private void MarkFinishedIfDone()
    {
        if (Completed)
        {
            var last = positions.Load(containerId);
            if (!last.Finished)
            {
                positions.Save(containerId, last with { Finished = true });
            }
        }
    }

    private async Task<ContainerSnapshot?> InspectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await docker.InspectContainerAsync(containerId, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or DockerEngineException)
        {
            return new ContainerSnapshot { Id = containerId, Name = containerId, Image = string.Empty, Status = "running" };
        }
    }
}
