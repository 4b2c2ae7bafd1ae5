using System.Text.Json;
using Microsoft.Extensions.Logging;
using Wharf.Agent.Diagnostics;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.ControlPlane;

/// <summary>
/// One connection's life: <c>register</c> → <c>registered</c>, then three loops until the
/// connection ends — receive (desired tasks, applied and acked; acks of our batches), reports
/// (batched <c>state</c> messages resent until acked) and heartbeats. Sends are serialized by a
/// lock; the receive loop is the only reader. Reports not yet acked stay in the
/// <see cref="ReportQueue"/> for the next session.
/// </summary>
internal sealed class AgentSession(
    IAgentChannel channel,
    SessionSettings settings,
    ReportQueue reports,
    Func<RegisterRequest> registration,
    Func<RegisterResponse, CancellationToken, Task> onRegistered,
    Action<DesiredTasks> applyDesired,
    TimeProvider time,
    Func<string> newId,
    ILogger logger,
    IReadOnlyList<ISessionPublisher>? publishers = null) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public void Dispose() => _sendLock.Dispose();

    /// <summary>Runs until the connection ends or is cancelled; true when the server accepted the registration.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var request = registration();
        await SendAsync(AgentMessage.Create(AgentMessageTypes.Register, newId(), request), session.Token);
        var response = await WaitForRegisteredAsync(session.Token);
        if (response is null)
        {
            return false;
        }

        logger.Registered(response.ContainerInstanceArn, response.ClusterArn, request.Tasks.Count);
        await onRegistered(response, session.Token);

        var interval = TimeSpan.FromSeconds(Math.Max(1, response.HeartbeatSeconds));
        Task[] loops =
        [
            Guard(HeartbeatLoopAsync(interval, session.Token), session),
            Guard(ReportLoopAsync(session.Token), session),
            .. (publishers ?? []).Select(p => Guard(p.RunAsync(SendAsync, session.Token), session)),
        ];
        try
        {
            await ReceiveLoopAsync(session.Token);
        }
        catch (OperationCanceledException) when (session.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A send loop failed and ended the session.
        }
        finally
        {
            await session.CancelAsync();
            await Task.WhenAll(loops);
        }

        return true;
    }

    private async Task<RegisterResponse?> WaitForRegisteredAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(settings.RegisterTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        while (true)
        {
            AgentMessage? message;
            try
            {
                message = await channel.ReceiveAsync(linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The server did not answer register within {settings.RegisterTimeout.TotalSeconds:0}s.");
            }

            if (message is null)
            {
                throw new IOException("The server closed the connection before registering the agent.");
            }

            if (message.Type == AgentMessageTypes.Registered)
            {
                return message.ReadBody<RegisterResponse>();
            }

            if (!await HandleAsync(message, cancellationToken))
            {
                return null;
            }
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (await channel.ReceiveAsync(cancellationToken) is { } message)
        {
            if (!await HandleAsync(message, cancellationToken))
            {
                return;
            }
        }

        logger.ServerClosedConnection();
    }

    /// <summary>One responder per message type; false when the server refused us.</summary>
    private async Task<bool> HandleAsync(AgentMessage message, CancellationToken cancellationToken)
    {
        switch (message.Type)
        {
            case AgentMessageTypes.Tasks:
                DesiredTasks desired;
                try
                {
                    desired = message.ReadBody<DesiredTasks>();
                }
                catch (JsonException e)
                {
                    // Not acked: the server sends it again.
                    logger.MalformedMessage(e, message.Type);
                    return true;
                }

                logger.DesiredTasksReceived(desired.Generation, desired.Tasks.Count);
                applyDesired(desired);
                if (message.Id is { } id)
                {
                    await SendAsync(new AgentMessage { Type = AgentMessageTypes.Ack, Id = id }, cancellationToken);
                }

                return true;
            case AgentMessageTypes.Ack:
                if (message.Id is { } acked && reports.Acknowledge(acked))
                {
                    logger.StateBatchAcked(acked);
                }
                else if (message.Id is { } other)
                {
                    _ = (publishers ?? []).Any(p => p.Acknowledge(other));
                }

                return true;
            case AgentMessageTypes.Error:
                var error = message.Body is null ? new ErrorBody("Unknown", "no detail") : message.ReadBody<ErrorBody>();
                logger.ServerRefused(error.Code, error.Message);
                return false;
            default:
                _ = (publishers ?? []).Any(p => p.Receive(message));
                return true;
        }
    }

    private async Task ReportLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = reports.Changed;
            if (reports.InFlight is null)
            {
                if (reports.PendingCount == 0)
                {
                    await changed.WaitAsync(cancellationToken);
                    continue;
                }

                // Let the changes of one moment (a task's containers starting together) travel as one batch.
                await Task.Delay(settings.BatchWindow, time, cancellationToken);
            }

            if (reports.NextBatch() is not { } batch)
            {
                continue;
            }

            changed = reports.Changed;
            await SendAsync(AgentMessage.Create(AgentMessageTypes.State, batch.Id, batch.Batch), cancellationToken);
            logger.StateBatchSent(batch.Id, batch.Batch.Tasks.Count);

            var resendAt = time.GetUtcNow() + settings.ResendInterval;
            while (reports.InFlight?.Id == batch.Id)
            {
                var remaining = resendAt - time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                try
                {
                    await changed.WaitAsync(remaining, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    break;
                }

                changed = reports.Changed;
            }
        }
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await SendAsync(
                AgentMessage.Create(AgentMessageTypes.Heartbeat, newId(), new Heartbeat { SentAt = time.GetUtcNow() }),
                cancellationToken);
        }
    }

    private async Task SendAsync(AgentMessage message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await channel.SendAsync(message, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A send loop that fails ends the whole session (the connection is broken).</summary>
    private async Task Guard(Task loop, CancellationTokenSource session)
    {
        try
        {
            await loop;
        }
        catch (OperationCanceledException) when (session.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.SessionLoopFailed(e);
            await session.CancelAsync();
        }
    }
}
