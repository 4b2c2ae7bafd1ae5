using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.IntegrationTests;

/// <summary>
/// A small stand-in for the server's side of the agent channel, over a real WebSocket on
/// loopback: checks the join token, answers register, pushes the desired set, acks state batches.
/// </summary>
internal sealed class FakeAgentServer : IAsyncDisposable
{
    public const string JoinToken = "let-me-in";
    public const string InstanceArn = "arn:aws:ecs:us-east-1:000000000000:container-instance/agent-it/7f3e";

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private WebApplication _app = null!;
    private WebSocket? _socket;
    private DesiredTasks _desired = TestSpecs.Desired(1);

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<RegisterRequest> Registrations { get; } = new();

    public ConcurrentQueue<TaskStateReport> Reports { get; } = new();

    public int Heartbeats;

    public int RefusedTokens;

    public static async Task<FakeAgentServer> StartAsync(DesiredTasks desired)
    {
        var server = new FakeAgentServer { _desired = desired };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server._app = builder.Build();
        server._app.UseWebSockets();
        server._app.Map("/agent/v1/connect", server.HandleAsync);
        await server._app.StartAsync();
        server.Url = new Uri(server._app.Urls.First());
        return server;
    }

    public TaskStateReport? Latest(string taskArn) => Reports.LastOrDefault(r => r.TaskArn == taskArn);

    public async Task SetDesiredAsync(DesiredTasks desired)
    {
        _desired = desired;
        if (_socket is { State: WebSocketState.Open } socket)
        {
            await SendAsync(socket, AgentMessage.Create(AgentMessageTypes.Tasks, Guid.NewGuid().ToString("N"), desired));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _sendLock.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Headers["X-Wharf-Join-Token"] != JoinToken || !context.WebSockets.IsWebSocketRequest)
        {
            Interlocked.Increment(ref RefusedTokens);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        _socket = socket;
        var buffer = new byte[1 << 20];
        while (socket.State == WebSocketState.Open)
        {
            int length = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), context.RequestAborted) is var r
                    ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage)
                    : throw new InvalidOperationException();
                length += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            var message = JsonSerializer.Deserialize<AgentMessage>(buffer.AsSpan(0, length), AgentChannelJson.Options)!;
            switch (message.Type)
            {
                case AgentMessageTypes.Register:
                    Registrations.Enqueue(message.ReadBody<RegisterRequest>());
                    await SendAsync(socket, AgentMessage.Create(AgentMessageTypes.Registered, message.Id, new RegisterResponse
                    {
                        ContainerInstanceArn = InstanceArn,
                        ClusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/agent-it",
                        HeartbeatSeconds = 1,
                    }));
                    await SendAsync(socket, AgentMessage.Create(AgentMessageTypes.Tasks, Guid.NewGuid().ToString("N"), _desired));
                    break;
                case AgentMessageTypes.State:
                    foreach (var report in message.ReadBody<TaskStateBatch>().Tasks)
                    {
                        Reports.Enqueue(report);
                    }

                    await SendAsync(socket, new AgentMessage { Type = AgentMessageTypes.Ack, Id = message.Id });
                    break;
                case AgentMessageTypes.Heartbeat:
                    Interlocked.Increment(ref Heartbeats);
                    break;
            }
        }
    }

    private async Task SendAsync(WebSocket socket, AgentMessage message)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, AgentChannelJson.Options), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
