using System.Net.WebSockets;
using Wharf.Agent.ControlPlane;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Tests.Fakes;

/// <summary>A tiny server side of the agent channel: answers register, acks state batches when told to.</summary>
internal sealed class FakeServer : IAgentChannelConnector
{
    public const string InstanceArn = "arn:aws:ecs:us-east-1:000000000000:container-instance/stage01/abc";

    private readonly List<FakeChannel> _channels = [];

    public volatile bool AckStates = true;

    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>How many of the next connection attempts are refused.</summary>
    public int RefuseConnects { get; set; }

    /// <summary>How many of the next registrations are refused with an error message.</summary>
    public int RefuseRegistrations { get; set; }

    public int ConnectAttempts { get; private set; }

    public IReadOnlyList<FakeChannel> Channels
    {
        get
        {
            lock (_channels)
            {
                return [.. _channels];
            }
        }
    }

    public FakeChannel Last => Channels[^1];

    /// <summary>Every state message the agent sent, over all connections.</summary>
    public IReadOnlyList<AgentMessage> States => [.. Channels.SelectMany(c => c.SentOfType(AgentMessageTypes.State))];

    public Task<IAgentChannel> ConnectAsync(CancellationToken cancellationToken)
    {
        lock (_channels)
        {
            ConnectAttempts++;
            if (RefuseConnects > 0)
            {
                RefuseConnects--;
                throw new WebSocketException("connection refused");
            }

            var channel = new FakeChannel();
            channel.OnAgentMessage = message => Respond(channel, message);
            _channels.Add(channel);
            return Task.FromResult<IAgentChannel>(channel);
        }
    }

    private void Respond(FakeChannel channel, AgentMessage message)
    {
        switch (message.Type)
        {
            case AgentMessageTypes.Register when RefuseRegistrations > 0:
                RefuseRegistrations--;
                channel.SendToAgent(AgentMessage.Create(AgentMessageTypes.Error, null, new ErrorBody("InvalidJoinToken", "bad token")));
                break;
            case AgentMessageTypes.Register:
                channel.SendToAgent(AgentMessage.Create(AgentMessageTypes.Registered, message.Id, new RegisterResponse
                {
                    ContainerInstanceArn = InstanceArn,
                    ClusterArn = Specs.Cluster,
                    HeartbeatSeconds = HeartbeatSeconds,
                }));
                break;
            case AgentMessageTypes.State when AckStates:
                channel.SendToAgent(new AgentMessage { Type = AgentMessageTypes.Ack, Id = message.Id });
                break;
        }
    }
}
