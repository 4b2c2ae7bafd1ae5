using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Controllers.Services;
using Wharf.Server.Tests.Ecs.Services;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

/// <summary>The lost-instance clock on fake time, alone and as the service controller sees it.</summary>
public sealed class InstanceHealthMonitorTests
{
    private readonly ServiceTestBed bed = new();

    [Fact]
    public void From_ServerOptions_LostTimeoutIsTheInstanceLostSetting()
    {
        var options = ServiceControllerOptions.From(new WharfServerOptions
        {
            DataDirectory = "/tmp/unused",
            HeartbeatTimeout = TimeSpan.FromSeconds(20),
            InstanceLostTimeout = TimeSpan.FromSeconds(75),
        });

        Assert.Equal(TimeSpan.FromSeconds(75), options.LostTimeout);
        Assert.True(WharfServerOptions.DefaultInstanceLostTimeout >= new WharfServerOptions { DataDirectory = "/tmp/unused" }.HeartbeatTimeout);
    }

    [Fact]
    public async Task Lost_DisconnectedForLessThanTheTimeout_NotLostUntilItPasses()
    {
        var instance = await bed.Tasks.InstanceAsync();
        var monitor = new InstanceHealthMonitor(bed.Tasks.Agents, new ServiceControllerOptions { LostTimeout = TimeSpan.FromSeconds(60) }, bed.Tasks.Time);
        Assert.Empty(monitor.Lost([instance]));

        bed.Tasks.Agents.Detach(bed.Tasks.Agents.Find(instance.Arn)!);
        Assert.Empty(monitor.Lost([instance]));
        bed.Tasks.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(monitor.Lost([instance]));
        bed.Tasks.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([instance.Arn], monitor.Lost([instance]));
    }

    [Fact]
    public async Task Lost_AgentBackBeforeTheTimeout_ClockStartsAgain()
    {
        var instance = await bed.Tasks.InstanceAsync();
        var monitor = new InstanceHealthMonitor(bed.Tasks.Agents, new ServiceControllerOptions { LostTimeout = TimeSpan.FromSeconds(60) }, bed.Tasks.Time);
        bed.Tasks.Agents.Detach(bed.Tasks.Agents.Find(instance.Arn)!);
        monitor.Lost([instance]);
        bed.Tasks.Time.Advance(TimeSpan.FromSeconds(50));

        Reconnect(instance);
        Assert.Empty(monitor.Lost([instance]));
        bed.Tasks.Agents.Detach(bed.Tasks.Agents.Find(instance.Arn)!);
        bed.Tasks.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(monitor.Lost([instance]));
        bed.Tasks.Time.Advance(TimeSpan.FromSeconds(50));

        Assert.Empty(monitor.Lost([instance]));
    }

    [Fact]
    public async Task Lost_ZeroTimeoutOrDeregistered_LostAtOnce()
    {
        var disconnected = await bed.Tasks.InstanceAsync(connected: false);
        var deregistered = await bed.Tasks.InstanceAsync(status: "INACTIVE");
        var monitor = new InstanceHealthMonitor(bed.Tasks.Agents, new ServiceControllerOptions { LostTimeout = TimeSpan.Zero }, bed.Tasks.Time);

        Assert.Equal(new HashSet<string> { disconnected.Arn, deregistered.Arn }, monitor.Lost([disconnected, deregistered]));
    }

    [Fact]
    public async Task Reconcile_DisconnectedNotYetLost_NoNewTasksThereAndOldOnesKept()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync();
        var a = await bed.Tasks.InstanceAsync(zone: "us-east-1a");
        var b = await bed.Tasks.InstanceAsync(zone: "us-east-1b");
        await bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web:1",
            DesiredCount = 2,
            PlacementStrategy = [new PlacementStrategy { Type = "spread", Field = "attribute:ecs.availability-zone" }],
        });
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();
        Assert.Single(await bed.LiveTasksAsync(), t => t.ContainerInstanceArn == a.Arn);

        // Disconnected (the heartbeat timeout has passed) but not lost: its task stays, and a
        // scale-up places nothing there even though spread would prefer its zone.
        bed.Tasks.Agents.Detach(bed.Tasks.Agents.Find(a.Arn)!);
        await bed.SettleAsync();
        bed.Tasks.Time.Advance(bed.Options.LostTimeout - TimeSpan.FromSeconds(5));
        await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", DesiredCount = 4 });
        await bed.SettleAsync();
        var live = await bed.LiveTasksAsync();
        Assert.Equal(4, live.Count);
        Assert.Single(live, t => t.ContainerInstanceArn == a.Arn);
        Assert.Equal(3, live.Count(t => t.ContainerInstanceArn == b.Arn));

        bed.Tasks.Time.Advance(TimeSpan.FromSeconds(6));
        await bed.SettleAsync();
        live = await bed.LiveTasksAsync();
        Assert.Equal(4, live.Count);
        Assert.All(live, t => Assert.Equal(b.Arn, t.ContainerInstanceArn));
    }

    private void Reconnect(ContainerInstanceRecord instance) =>
        bed.Tasks.Agents.Attach(new Wharf.Server.AgentChannel.AgentSession(
            System.Net.WebSockets.WebSocket.CreateFromStream(new MemoryStream(), true, null, TimeSpan.Zero),
            instance.Arn,
            instance.ClusterArn,
            bed.Tasks.Time));
}
