using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Feasibility;

public sealed class PortCheckerTests
{
    [Fact]
    public void IsFeasible_TcpPortInUse_Rejected()
    {
        var instance = new InstanceState(Instance(1, tcpPorts: [22, 80]), 0);

        Assert.False(new PortChecker([new HostPort(80)]).IsFeasible(instance));
        Assert.Equal("RESOURCE:PORTS", new PortChecker([new HostPort(80)]).Reason);
    }

    [Fact]
    public void IsFeasible_SamePortOtherProtocol_Accepted()
    {
        var instance = new InstanceState(Instance(1, tcpPorts: [53]), 0);

        Assert.True(new PortChecker([new HostPort(53, TransportProtocol.Udp)]).IsFeasible(instance));
    }

    [Fact]
    public void IsFeasible_UdpPortInUse_Rejected()
    {
        var instance = new InstanceState(Instance(1, udpPorts: [53]), 0);

        Assert.False(new PortChecker([new HostPort(8080), new HostPort(53, TransportProtocol.Udp)]).IsFeasible(instance));
    }

    [Fact]
    public void IsFeasible_PortTakenByEarlierPlacement_Rejected()
    {
        var instance = new InstanceState(Instance(1), 0);
        instance.Reserve(Request(ports: [new HostPort(8080)]));

        Assert.False(new PortChecker([new HostPort(8080)]).IsFeasible(instance));
        Assert.True(new PortChecker([new HostPort(8081)]).IsFeasible(instance));
    }
}
