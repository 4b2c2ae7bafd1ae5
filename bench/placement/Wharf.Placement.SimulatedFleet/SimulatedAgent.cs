using System.Net.WebSockets;
using System.Text.Json;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Placement.SimulatedFleet;

/// <summary>
/// One simulated host: speaks Wharf's real agent channel (<c>/agent/v1/connect</c>, the same
/// register / tasks / state / ack / heartbeat messages as <c>wharf agent</c>) but runs no
/// containers. A task the server wants RUNNING is reported RUNNING at once; one it wants STOPPED
/// is reported STOPPED at once. Reconnects with its container instance ARN when the session ends.
/// </summary>
internal sealed class SimulatedAgent(HostShape host, FleetSettings settings, FleetCounters counters) : IDisposable
{
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Dictionary<string, string> reported = new(StringComparer.Ordinal);
    private string? containerInstanceArn;
    private long nextId;

    public void Dispose() => sendLock.Dispose();

    /// <summary>Registers, then serves sessions until cancelled; <paramref name="registered"/> completes on the first registration.</summary>
    public async Task RunAsync(TaskCompletionSource registered, SemaphoreSlim registrationGate, CancellationToken cancellationToken)
    {
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("X-Wharf-Join-Token", settings.JoinToken);
                socket.Options.KeepAliveInterval = TimeSpan.Zero;
                await registrationGate.WaitAsync(cancellationToken);
                try
                {
                    await socket.ConnectAsync(settings.AgentUri, cancellationToken);
                    await SendAsync(socket, AgentMessage.Create(AgentMessageTypes.Register, NewId(), Register()), cancellationToken);
                    var answer = await ReceiveAsync(socket, cancellationToken)
                        ?? throw new WebSocketException("Closed before registration.");
                    if (answer.Type != AgentMessageTypes.Registered)
                    {
                        throw new InvalidOperationException($"Registration refused: {answer.Body}");
                    }

                    containerInstanceArn = answer.ReadBody<RegisterResponse>().ContainerInstanceArn;
                }
                finally
                {
                    registrationGate.Release();
                }

                counters.AddConnected(1);
                if (first)
                {
                    first = false;
                    registered.TrySetResult();
                }

                try
                {
                    await ServeAsync(socket, cancellationToken);
                }
                finally
                {
                    counters.AddConnected(-1);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or JsonException or IOException or InvalidOperationException)
            {
                if (first && ex is InvalidOperationException)
                {
                    registered.TrySetException(ex);
                    return;
                }
            }

            counters.AddLost();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private RegisterRequest Register() => new()
    {
        Cluster = settings.Cluster,
        ContainerInstanceArn = containerInstanceArn,
        Ec2InstanceId = host.Ec2InstanceId,
        Cpu = host.Cpu,
        MemoryMiB = host.MemoryMiB,
        ReservedPorts = [22, 2375, 2376, 51678, 51679],
        Attributes = host.Attributes,
        AgentVersion = "simulated-runtime",
        DockerVersion = "none (simulated runtime, no containers)",
        HostAddress = "127.0.0.1",
        Tasks = reported.Select(r => Report(r.Key, r.Value, DateTimeOffset.UtcNow)).ToList(),
    };

    private async Task ServeAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeats = HeartbeatAsync(socket, stop.Token);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var message = await ReceiveAsync(socket, cancellationToken);
                if (message is null)
                {
                    return;
                }

                if (message.Type == AgentMessageTypes.Ack)
                {
                    counters.AddAck();
                }
                else if (message.Type == AgentMessageTypes.Tasks)
                {
                    await SendAsync(socket, new AgentMessage { Type = AgentMessageTypes.Ack, Id = message.Id }, cancellationToken);
                    await ApplyDesiredAsync(socket, message.ReadBody<DesiredTasks>(), cancellationToken);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeats.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ApplyDesiredAsync(ClientWebSocket socket, DesiredTasks desired, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var reports = new List<TaskStateReport>();
        int running = 0, stopped = 0, fresh = 0;
        foreach (var spec in desired.Tasks)
        {
            var want = spec.DesiredStatus == "STOPPED" ? "STOPPED" : "RUNNING";
            reported.TryGetValue(spec.TaskArn, out var had);
            if (had is null)
            {
                fresh++;
            }

            if (had == want)
            {
                continue;
            }

            reported[spec.TaskArn] = want;
            reports.Add(Report(spec.TaskArn, want, now, spec));
            running += want == "RUNNING" ? 1 : 0;
            stopped += want == "STOPPED" ? 1 : 0;
        }

        counters.AddReceived(fresh);
        if (reports.Count == 0)
        {
            return;
        }

        await SendAsync(socket, AgentMessage.Create(AgentMessageTypes.State, NewId(), new TaskStateBatch { Tasks = reports }), cancellationToken);
        counters.AddRunning(running);
        counters.AddStopped(stopped);
    }

    private static TaskStateReport Report(string taskArn, string status, DateTimeOffset now, TaskSpec? spec = null) => new()
    {
        TaskArn = taskArn,
        LastStatus = status,
        StartedAt = status == "RUNNING" ? now : null,
        ExecutionStoppedAt = status == "STOPPED" ? now : null,
        StoppedReason = status == "STOPPED" ? "Stopped by the simulated runtime as asked" : null,
        Containers = spec?.Containers.Select(c => new ContainerStateReport
        {
            Name = c.Name,
            RuntimeId = "simulated-" + taskArn[(taskArn.LastIndexOf('/') + 1)..] + "-" + c.Name,
            LastStatus = status,
            ExitCode = status == "STOPPED" ? 0 : null,
        }).ToList() ?? [],
    };

    private async Task HeartbeatAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        // Spread the first heartbeats over the interval so 5,000 agents do not beat in step.
        var interval = settings.HeartbeatInterval;
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * interval.TotalMilliseconds), cancellationToken);
        while (!cancellationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            await SendAsync(socket, AgentMessage.Create(AgentMessageTypes.Heartbeat, NewId(), new Heartbeat { SentAt = DateTimeOffset.UtcNow }), cancellationToken);
            await Task.Delay(interval, cancellationToken);
        }
    }

    private string NewId() => $"{host.Ec2InstanceId}-{Interlocked.Increment(ref nextId)}";

    private async Task SendAsync(ClientWebSocket socket, AgentMessage message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, AgentChannelJson.Options);
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private static async Task<AgentMessage?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                break;
            }
        }

        return JsonSerializer.Deserialize<AgentMessage>(message.GetBuffer().AsSpan(0, (int)message.Length), AgentChannelJson.Options);
    }
}
