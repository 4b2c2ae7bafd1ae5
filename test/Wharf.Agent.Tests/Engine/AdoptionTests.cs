using Wharf.Agent.Docker;
using Wharf.Agent.Engine;
using Wharf.Agent.Tests.Fakes;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.Tests.Engine;

public sealed class AdoptionTests
{
    private static ContainerCreateRequest Existing(TaskSpec task, ContainerSpec container, string instanceId = EngineHarness.InstanceId, int hostPort = 49200) =>
        ContainerConfigBuilder.Build(
            task,
            container,
            ContainerConfigBuilder.DockerName(task, container, "00112233445566778899"),
            container.PortMappings.Select(p => new PortBinding(p.ContainerPort, hostPort, "tcp")).ToList(),
            new Dictionary<string, string>(),
            new Dictionary<string, string>(),
            instanceId);

    [Fact]
    public async Task Adopt_RunningContainer_ReportsItAndNeverCreatesADuplicate()
    {
        await using var h = new EngineHarness();
        var web = Specs.Container("web") with { PortMappings = [new PortMappingSpec { ContainerPort = 8080, HostPort = 0 }] };
        var task = Specs.Task(null, web);
        var id = h.Docker.Seed(Existing(task, web), "running");

        await h.AdoptAndStartAsync();
        await h.UntilStatus(task.TaskArn, "RUNNING");

        var adopted = Assert.Single(h.Engine.CurrentReports());
        Assert.Equal(task.TaskArn, adopted.TaskArn);
        Assert.Equal(id, adopted.Containers[0].RuntimeId);
        Assert.Equal(49200, adopted.Containers[0].NetworkBindings[0].HostPort);
        Assert.Contains(49200, h.Ports.InUse());

        h.Apply(1, task);
        await Eventually.Never(() => h.Docker.Creates.Count > 0, "a duplicate container was created");
        Assert.Equal("RUNNING", h.Reports.Latest(task.TaskArn)!.LastStatus);
    }

    [Fact]
    public async Task Adopt_ContainerOfAnotherAgentOnTheSameEngine_IsLeftAlone()
    {
        await using var h = new EngineHarness();
        var task = Specs.Task();
        h.Docker.Seed(Existing(task, task.Containers[0], instanceId: "i-00000000000000000"), "running");

        await h.AdoptAndStartAsync();
        h.Apply(1);

        Assert.Empty(h.Engine.CurrentReports());
        await Eventually.Never(() => h.Docker.Signals.Count > 0, "another agent's container was signalled");
    }

    [Fact]
    public async Task Adopt_TaskMissingFromDesiredSet_IsStoppedAndCleanedUp()
    {
        await using var h = new EngineHarness();
        var task = Specs.Task();
        var id = h.Docker.Seed(Existing(task, task.Containers[0]), "running");
        await h.AdoptAndStartAsync();
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Apply(1);
        await h.UntilStatus(task.TaskArn, "STOPPED");
        Assert.Equal([(id, "SIGTERM")], h.Docker.Signals);

        await Eventually.AdvanceUntil(h.Time, TimeSpan.FromMinutes(1), () => h.Docker.Removed.Contains(id), "stale container removed");
        await Eventually.Until(() => h.Engine.TaskCount == 0, "stale task forgotten");
    }

    [Fact]
    public async Task Adopt_EssentialContainerExitedWhileAgentWasDown_TaskStops()
    {
        await using var h = new EngineHarness();
        var task = Specs.Task(null, Specs.Container("web"), Specs.Container("sidecar") with { Essential = false });
        h.Docker.Seed(Existing(task, task.Containers[0]), "exited", exitCode: 1);
        var sidecar = h.Docker.Seed(Existing(task, task.Containers[1]), "running");

        await h.AdoptAndStartAsync();
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal(TaskWords.EssentialContainerExited, report.StopCode);
        Assert.Equal(1, h.Container(task.TaskArn, "web").ExitCode);
        Assert.Contains((sidecar, "SIGTERM"), h.Docker.Signals);
    }

    [Fact]
    public async Task Adopt_ContainerNotYetCreated_CreatedOnceTheServerResendsTheTask()
    {
        await using var h = new EngineHarness();
        var app = Specs.Container("app") with { DependsOn = [new DependencySpec("db", "START")] };
        var task = Specs.Task(null, app, Specs.Container("db"));
        h.Docker.Seed(Existing(task, task.Containers[1]), "running");

        await h.AdoptAndStartAsync();
        await Eventually.Never(() => h.Docker.Creates.Count > 0, "created before the server sent the definition");

        h.Apply(1, task);
        await Eventually.Until(() => h.Reports.Latest(task.TaskArn)!.Containers.Any(c => c.Name == "app" && c.LastStatus == "RUNNING"), "app running");

        var created = Assert.Single(h.Docker.Creates);
        Assert.Equal("app", created.Labels[DockerLabels.ContainerName]);
    }

    [Fact]
    public async Task ApplyDesired_OlderGeneration_Ignored()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task();
        h.Apply(5, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Apply(4);
        await Eventually.Never(() => h.Docker.Signals.Count > 0, "an older desired set stopped the task");
    }

    [Fact]
    public async Task DockerEventsBreak_ResyncCatchesExitThatHappenedMeanwhile()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task();
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Docker.BreakEvents();
        h.Docker.Exit(h.Docker.IdOf("web"), 9);
        await Eventually.AdvanceUntil(h.Time, TimeSpan.FromSeconds(1), () => h.Reports.Latest(task.TaskArn)!.LastStatus == "STOPPED", "exit noticed");

        Assert.Equal(9, h.Container(task.TaskArn, "web").ExitCode);
    }
}
