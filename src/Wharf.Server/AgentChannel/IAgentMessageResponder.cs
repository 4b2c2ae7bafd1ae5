using Wharf.Protocol.AgentChannel;

namespace Wharf.Server.AgentChannel;

/// <summary>
/// Answers one agent message type beyond the channel's own (register, state, heartbeat, ack):
/// container stats, log batches. Registered in DI; the endpoint hands it every message of its
/// <see cref="MessageType"/> from a session's receive loop, so it should not block for long.
/// </summary>
internal interface IAgentMessageResponder
{
    string MessageType { get; }

    ValueTask RespondAsync(AgentSession session, AgentMessage message, CancellationToken cancellationToken);
}
