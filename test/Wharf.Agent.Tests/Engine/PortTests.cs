using Wharf.Agent.Docker;
using Wharf.Agent.Engine;
using Wharf.Agent.Tests.Fakes;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.Tests.Engine;

public sealed class PortTests
{
    private sealed class SequenceRandom(int first) : Random
    {
        public override int Next(int minValue, int maxValue) => first;
    }

    [Fact]
    public void Allocate_SkipsPortsHeldByTasksAndBoundOnTheHost()
    {
        var probe = new FakePortProbe();
        probe.Bound.Add(50001);
        var ports = new PortAllocator(probe, new SequenceRandom(50000));
        ports.Reserve(50000, "tcp");

        Assert.Equal(50002, ports.Allocate("tcp"));
        Assert.Equal(50003, ports.Allocate("tcp"));
        Assert.Equal([50000, 50002, 50003], ports.InUse());
    }

    [Fact]
    public void Allocate_AtTheEndOfTheRange_WrapsAround()
    {
        var ports = new PortAllocator(new FakePortProbe(), new SequenceRandom(PortAllocator.LastEphemeral));

        Assert.Equal(PortAllocator.LastEphemeral, ports.Allocate("tcp"));
        Assert.Equal(PortAllocator.FirstEphemeral, ports.Allocate("tcp"));
    }

    [Fact]
    public void Allocate_ReleasedPort_NotHandedOutAgainStraightAway()
    {
        var ports = new PortAllocator(new FakePortProbe(), new SequenceRandom(60000));
        var first = ports.Allocate("tcp");
        ports.Release(first, "tcp");

        Assert.NotEqual(first, ports.Allocate("tcp"));
    }

    [Fact]
    public void Allocate_SamePortNumberForTcpAndUdp_BothAllowed()
    {
        var ports = new PortAllocator(new FakePortProbe(), new SequenceRandom(60000));
        ports.Reserve(60000, "tcp");

        Assert.Equal(60000, ports.Allocate("udp"));
    }

    [Fact]
    public async Task Start_DynamicPortTakenMeanwhile_RecreatesWithAnotherPort()
    {
        await using var h = new EngineHarness().Start();
        var attempts = 0;
        h.Docker.OnStart = _ => ++attempts == 1
            ? new DockerEngineException("driver failed programming external connectivity: Bind for 0.0.0.0:50000 failed: port is already allocated")
            : null;
        var web = Specs.Container("web") with { PortMappings = [new PortMappingSpec { ContainerPort = 80 }] };
        var task = Specs.Task(null, web);

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        Assert.Equal(2, h.Docker.Creates.Count);
        var firstPort = h.Docker.Creates[0].PortBindings[0].HostPort;
        var secondPort = h.Docker.Creates[1].PortBindings[0].HostPort;
        Assert.NotEqual(firstPort, secondPort);
        Assert.Equal(secondPort, h.Container(task.TaskArn, "web").NetworkBindings[0].HostPort);
        Assert.Single(h.Docker.Removed);
        Assert.DoesNotContain(firstPort, h.Ports.InUse());
    }

    [Fact]
    public async Task Start_StaticPortTaken_TaskFailsToStart()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.OnStart = _ => new DockerEngineException("Bind for 0.0.0.0:8080 failed: port is already allocated");
        var web = Specs.Container("web") with { PortMappings = [new PortMappingSpec { ContainerPort = 80, HostPort = 8080 }] };
        var task = Specs.Task(null, web);

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        Assert.Single(h.Docker.Creates);
        Assert.Contains("port is already allocated", h.Reports.Latest(task.TaskArn)!.StoppedReason);
    }

    [Fact]
    public async Task TwoTasks_DynamicPorts_NeverShareAHostPort()
    {
        await using var h = new EngineHarness().Start();
        var web = Specs.Container("web") with { PortMappings = [new PortMappingSpec { ContainerPort = 80 }, new PortMappingSpec { ContainerPort = 81, HostPort = 0 }] };
        var first = Specs.Task(Specs.Arn("a"), web);
        var second = Specs.Task(Specs.Arn("b"), web);

        h.Apply(1, first, second);
        await h.UntilStatus(first.TaskArn, "RUNNING");
        await h.UntilStatus(second.TaskArn, "RUNNING");

        var all = h.Docker.Creates.SelectMany(c => c.PortBindings).Select(b => b.HostPort).ToList();
        Assert.Equal(4, all.Distinct().Count());
    }

    [Fact]
    public async Task HostNetworkMode_ReportsContainerPortAsHostPort()
    {
        await using var h = new EngineHarness().Start();
        var web = Specs.Container("web") with { PortMappings = [new PortMappingSpec { ContainerPort = 8080 }], Hostname = "ignored" };
        var task = Specs.Task(null, web) with { NetworkMode = "host", DnsServers = ["10.0.0.2"] };

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        var request = Assert.Single(h.Docker.Creates);
        Assert.Equal("host", request.NetworkMode);
        Assert.Empty(request.PortBindings);
        Assert.Empty(request.Dns);
        Assert.Null(request.Hostname);
        Assert.Equal(8080, h.Container(task.TaskArn, "web").NetworkBindings[0].HostPort);
    }
}
