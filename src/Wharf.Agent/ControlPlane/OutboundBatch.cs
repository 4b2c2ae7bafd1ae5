using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.ControlPlane;

/// <summary>A <c>state</c> message's id and content, fixed from first send to ack.</summary>
internal sealed record OutboundBatch(string Id, TaskStateBatch Batch);
