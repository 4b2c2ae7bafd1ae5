using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wharf.Core.Model;
using Wharf.Protocol.AgentChannel;
using Wharf.Server.State;

namespace Wharf.Server.AgentChannel;

/// <summary>
/// <c>GET /agent/v1/connect</c>: authenticates an agent by join token, registers it, then serves
/// its session: state reports are applied and acked, heartbeats refresh liveness, and a session
/// silent for longer than the heartbeat timeout is closed. When a session ends the instance is
/// marked <c>agentConnected: false</c> unless a newer session took over.
/// </summary>
internal sealed partial class AgentEndpoint(
    WharfServerOptions options,
    InstanceRegistrar registrar,
    TaskStateApplier applier,
    AgentRegistry agents,
    StateRepository state,
    TimeProvider time,
    IEnumerable<IAgentMessageResponder> responders,
    ILogger<AgentEndpoint> logger)
{
    public const string Path = "/agent/v1/connect";
    public const string JoinTokenHeader = "X-Wharf-Join-Token";

    private readonly Dictionary<string, IAgentMessageResponder> _responders =
        responders.ToDictionary(r => r.MessageType, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!CryptographicEquals(context.Request.Headers[JoinTokenHeader].ToString(), options.JoinToken))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var aborted = context.RequestAborted;
        AgentSession? session = null;
        using var senderStop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        Task? sender = null;
        try
        {
            var first = await ReceiveWithTimeoutAsync(socket, aborted);
            if (first is null || first.Type != AgentMessageTypes.Register)
            {
                return;
            }

            var request = first.ReadBody<RegisterRequest>();
            ContainerInstanceRecord instance;
            try
            {
                instance = await registrar.RegisterAsync(request, aborted);
            }
            catch (AgentRefusedException refused)
            {
                LogAgentRefused(logger, request.Ec2InstanceId, refused.Message);
                var error = AgentMessage.Create(AgentMessageTypes.Error, first.Id, new ErrorBody(refused.Code, refused.Message));
                await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(error, AgentChannelJson.Options), WebSocketMessageType.Text, true, aborted);
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, refused.Code, aborted);
                return;
            }

            session = new AgentSession(socket, instance.Arn, instance.ClusterArn, time);
            sender = session.RunSenderAsync(senderStop.Token);
            session.Send(AgentMessage.Create(AgentMessageTypes.Registered, first.Id, new RegisterResponse
            {
                ContainerInstanceArn = instance.Arn,
                ClusterArn = instance.ClusterArn,
                HeartbeatSeconds = (int)Math.Max(1, options.HeartbeatInterval.TotalSeconds),
            }));

            await applier.ApplyAsync(instance.Arn, request.Tasks, aborted);
            if (agents.Attach(session) is { } replaced)
            {
                replaced.Complete();
            }

            LogAgentConnected(logger, instance.Arn, request.Ec2InstanceId);
            await ServeAsync(socket, session, aborted);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException or InvalidDataException)
        {
            LogAgentMessageFailed(logger, session?.ContainerInstanceArn ?? "(unregistered)", ex);
        }
        finally
        {
            session?.Complete();
            await senderStop.CancelAsync();
            if (sender is not null)
            {
                await sender.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            if (session is not null && agents.Detach(session))
            {
                LogAgentDisconnected(logger, session.ContainerInstanceArn);
                await MarkDisconnectedAsync(session.ContainerInstanceArn);
            }
        }
    }

    private async Task ServeAsync(WebSocket socket, AgentSession session, CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open)
        {
            var message = await ReceiveWithTimeoutAsync(socket, cancellationToken);
            if (message is null)
            {
                return;
            }

            session.Touch();
            switch (message.Type)
            {
                case AgentMessageTypes.State:
                    var batch = message.ReadBody<TaskStateBatch>();
                    await applier.ApplyAsync(session.ContainerInstanceArn, batch.Tasks, cancellationToken);
                    session.Send(new AgentMessage { Type = AgentMessageTypes.Ack, Id = message.Id });
                    break;
                case AgentMessageTypes.Heartbeat:
                case AgentMessageTypes.Ack:
                    break;
                default:
                    if (_responders.TryGetValue(message.Type, out var responder))
                    {
                        await responder.RespondAsync(session, message, cancellationToken);
                    }

                    break;
            }
        }
    }

    /// <summary>A receive that gives up when the agent has been silent past the heartbeat timeout.</summary>
    private async Task<AgentMessage?> ReceiveWithTimeoutAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.HeartbeatTimeout);
        return await AgentSession.ReceiveAsync(socket, timeout.Token);
    }

    private async Task MarkDisconnectedAsync(string containerInstanceArn)
    {
        try
        {
            await state.RetryAsync(async ct =>
            {
                var instance = await state.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, containerInstanceArn, ct);
                if (instance is null || !instance.Value.AgentConnected || agents.IsConnected(containerInstanceArn))
                {
                    return false;
                }

                var write = state.Begin();
                write.Put(StateKinds.ContainerInstance, instance.Key, instance.Value.ClusterArn,
                    instance.Value with { AgentConnected = false, Version = instance.Value.Version + 1 }, instance.Version);
                await write.CommitAsync(ct);
                return true;
            }, CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // The server is shutting down; the next start sees the agent reconnect or time out.
        }
    }

    private static bool CryptographicEquals(string presented, string expected) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(expected));

    [LoggerMessage(EventId = ServerEvents.AgentConnected, Level = LogLevel.Information, Message = "Agent {Ec2InstanceId} connected as {Instance}")]
    private static partial void LogAgentConnected(ILogger logger, string instance, string ec2InstanceId);

    [LoggerMessage(EventId = ServerEvents.AgentDisconnected, Level = LogLevel.Information, Message = "Agent of {Instance} disconnected")]
    private static partial void LogAgentDisconnected(ILogger logger, string instance);

    [LoggerMessage(EventId = ServerEvents.AgentRefused, Level = LogLevel.Warning, Message = "Refused agent {Ec2InstanceId}: {Reason}")]
    private static partial void LogAgentRefused(ILogger logger, string ec2InstanceId, string reason);

    [LoggerMessage(EventId = ServerEvents.AgentMessageFailed, Level = LogLevel.Information, Message = "Agent session of {Instance} ended")]
    private static partial void LogAgentMessageFailed(ILogger logger, string instance, Exception exception);
}
