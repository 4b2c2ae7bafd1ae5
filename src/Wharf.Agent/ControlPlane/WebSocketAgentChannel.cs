using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.ControlPlane;

/// <summary>An <see cref="IAgentChannel"/> over a client WebSocket: one JSON text frame per message.</summary>
internal sealed class WebSocketAgentChannel(WebSocket socket, TimeProvider time) : IAgentChannel
{
    /// <summary>A desired-task set for a full host stays far below this.</summary>
    private const int MaxMessageBytes = 16 * 1024 * 1024;

    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(AgentMessage message, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, AgentChannelJson.Options);
        using var deadline = new CancellationTokenSource(SendTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, linked.Token);
    }

    public async Task<AgentMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new InvalidDataException($"Agent channel message larger than {MaxMessageBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                return JsonSerializer.Deserialize<AgentMessage>(buffer.WrittenSpan, AgentChannelJson.Options)
                    ?? throw new JsonException("Empty agent channel message.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "agent closing", deadline.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
        }

        socket.Dispose();
    }
}
