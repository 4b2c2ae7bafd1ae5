using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.ControlPlane;

/// <summary>
/// A stream of agent → server messages beside the task state reports (container stats, log
/// batches). Each connected session runs every publisher once; a publisher sends through the
/// session's serialized <c>send</c> and ends when the session's token is cancelled. An ack whose
/// id is not a state batch's is offered to every publisher.
/// </summary>
internal interface ISessionPublisher
{
    Task RunAsync(Func<AgentMessage, CancellationToken, Task> send, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="messageId"/> was one of this publisher's messages.</summary>
    bool Acknowledge(string messageId);

    /// <summary>True when <paramref name="message"/>, of a type the session does not handle itself, was this publisher's (an answer with a body).</summary>
    bool Receive(AgentMessage message) => false;
}
