namespace Wharf.Agent.Host;

/// <summary>Who this agent is, kept in <c>&lt;state directory&gt;/agent.json</c> across restarts.</summary>
/// <param name="Ec2InstanceId">A stable host id, <c>i-</c> and 17 hex digits.</param>
/// <param name="ContainerInstanceArn">The container instance the server made of this agent, once registered.</param>
internal sealed record AgentIdentity(string Ec2InstanceId, string? ContainerInstanceArn);
