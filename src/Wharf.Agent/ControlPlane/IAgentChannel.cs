using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.ControlPlane;

/// <summary>One open connection to the server carrying <see cref="AgentMessage"/> frames.</summary>
internal interface IAgentChannel : IAsyncDisposable
{
    /// <summary>Sends one message. Not safe to call concurrently: callers serialize sends.</summary>
    Task SendAsync(AgentMessage message, CancellationToken cancellationToken);

    /// <summary>The next message, or null once the server closed the connection.</summary>
    Task<AgentMessage?> ReceiveAsync(CancellationToken cancellationToken);
}
