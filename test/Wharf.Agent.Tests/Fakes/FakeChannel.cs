using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;
using Wharf.Agent.ControlPlane;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Tests.Fakes;

/// <summary>An in-memory agent channel; the server side is driven by the test (or <see cref="FakeServer"/>).</summary>
internal sealed class FakeChannel : IAgentChannel
{
    private readonly Channel<AgentMessage?> _toAgent = Channel.CreateUnbounded<AgentMessage?>();
    private readonly ConcurrentQueue<AgentMessage> _fromAgent = new();
    private volatile bool _broken;

    /// <summary>Called for every message the agent sends (the fake server's reflexes).</summary>
    public Action<AgentMessage>? OnAgentMessage { get; set; }

    public IReadOnlyList<AgentMessage> Sent => [.. _fromAgent];

    public bool Disposed { get; private set; }

    public IReadOnlyList<AgentMessage> SentOfType(string type) => [.. Sent.Where(m => m.Type == type)];

    public void SendToAgent(AgentMessage message) => _toAgent.Writer.TryWrite(message);

    /// <summary>The server closes the connection.</summary>
    public void Close()
    {
        _broken = true;
        _toAgent.Writer.TryWrite(null);
    }

    public Task SendAsync(AgentMessage message, CancellationToken cancellationToken)
    {
        if (_broken)
        {
            throw new WebSocketException("connection closed");
        }

        _fromAgent.Enqueue(message);
        OnAgentMessage?.Invoke(message);
        return Task.CompletedTask;
    }

    public async Task<AgentMessage?> ReceiveAsync(CancellationToken cancellationToken) =>
        await _toAgent.Reader.ReadAsync(cancellationToken);

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
