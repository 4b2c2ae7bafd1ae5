using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Server.AgentChannel;

/// <summary>
/// One agent's WebSocket. Sends are serialized through an unbounded channel drained by one
/// writer loop (a WebSocket allows one outstanding send); the receive loop belongs to the
/// endpoint. <see cref="LastSeen"/> and the last desired-set fingerprint are written by the
/// receive loop and the dispatcher respectively and read by anyone.
/// </summary>
internal sealed class AgentSession(WebSocket socket, string containerInstanceArn, string clusterArn, TimeProvider time)
{
    private readonly Channel<AgentMessage> outbox = Channel.CreateUnbounded<AgentMessage>(new() { SingleReader = true });
    private long lastSeenTicks = time.GetUtcNow().UtcTicks;

    public string ContainerInstanceArn { get; } = containerInstanceArn;

    public string ClusterArn { get; } = clusterArn;

    public DateTimeOffset LastSeen => new(Interlocked.Read(ref lastSeenTicks), TimeSpan.Zero);

    /// <summary>The fingerprint of the last desired set sent; written only by the dispatcher.</summary>
    public string? SentFingerprint { get; set; }

    /// <summary>Generation of the last desired set sent; written only by the dispatcher.</summary>
    public long Generation { get; set; }

    public void Touch() => Interlocked.Exchange(ref lastSeenTicks, time.GetUtcNow().UtcTicks);

    public bool Send(AgentMessage message) => outbox.Writer.TryWrite(message);

    public void Complete() => outbox.Writer.TryComplete();

    /// <summary>Drains the outbox onto the socket until completed or cancelled.</summary>
    public async Task RunSenderAsync(CancellationToken cancellationToken)
    {
        await foreach (var message in outbox.Reader.ReadAllAsync(cancellationToken))
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(message, AgentChannelJson.Options);
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
    }

    /// <summary>Reads one whole text message, or null when the peer closed.</summary>
    public static async Task<AgentMessage?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
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
            if (message.Length > 64 * 1024 * 1024)
            {
                throw new InvalidDataException("Agent message larger than 64 MiB.");
            }

            if (result.EndOfMessage)
            {
                break;
            }
        }

        return JsonSerializer.Deserialize<AgentMessage>(message.GetBuffer().AsSpan(0, (int)message.Length), AgentChannelJson.Options);
    }
}
