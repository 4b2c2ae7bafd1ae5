namespace Wharf.Agent.ControlPlane;

/// <summary>Opens connections to the server.</summary>
internal interface IAgentChannelConnector
{
    /// <summary>Connects (including the join-token handshake); throws when the server cannot be reached or refuses.</summary>
    Task<IAgentChannel> ConnectAsync(CancellationToken cancellationToken);
}
