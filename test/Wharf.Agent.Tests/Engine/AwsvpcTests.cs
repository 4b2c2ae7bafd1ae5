using Wharf.Agent.Docker;
using Wharf.Agent.Engine;
using Wharf.Agent.Tests.Fakes;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.Tests.Engine;

public sealed class AwsvpcTests
{
    private const string SubnetId = "subnet-0abc1234";
    private const string Network = "wharf-" + SubnetId;
    private const string Pause = ContainerConfigBuilder.PauseContainerName;

    private static TaskSpec AwsvpcTask(string? arn = null, params ContainerSpec[] containers) =>
        Specs.Task(arn, containers) with
        {
            NetworkMode = "awsvpc",
            Awsvpc = new AwsvpcSpec
            {
                AttachmentId = "9f0c8a1e-1d2b-4c3d-8e4f-5a6b7c8d9e0f",
                NetworkInterfaceId = "eni-0123456789abcdef0",
                SubnetId = SubnetId,
                SubnetCidr = "172.31.240.0/20",
            },
            DnsServers = ["10.0.0.2"],
        };

    /// <summary>
    /// What a previous agent left running of <paramref name="task"/>: its subnet network, the pause
    /// container (at 172.31.240.9) and <paramref name="web"/> in its namespace.
    /// </summary>
    private static (string PauseId, string WebId) SeedRunning(EngineHarness h, TaskSpec task, ContainerSpec web)
    {
        h.Docker.SeedNetwork(Network, "172.31.240.0/20");
        var pauseId = h.Docker.Seed(
            ContainerConfigBuilder.BuildPause(task, "ecs-web-3-internalecspause-00112233445566778899", PauseImageBuilder.DefaultImage, Network, EngineHarness.InstanceId),
            "running");
        var pause = h.Docker.ByName(Pause)!;
        (pause.Ipv4Address, pause.MacAddress) = ("172.31.240.9", "02:42:ac:1f:f0:09");
        var webId = h.Docker.Seed(
            ContainerConfigBuilder.Build(task, web, "ecs-web-3-web-00112233445566778899", [], new Dictionary<string, string>(), new Dictionary<string, string>(), EngineHarness.InstanceId, pauseId),
            "running");
        return (pauseId, webId);
    }

    private static ContainerSpec Web() => Specs.Container("web") with
    {
        PortMappings = [new PortMappingSpec { ContainerPort = 8080, HostPort = 0 }],
        Hostname = "web-host",
    };

    [Fact]
    public async Task ApplyDesired_AwsvpcTask_PauseStartsFirstOnTheSubnetNetwork_ContainersJoinIt()
    {
        await using var h = new EngineHarness().Start();
        var task = AwsvpcTask(null, Web(), Specs.Container("sidecar") with { Links = ["web"] });

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        var network = h.Docker.Networks[Network];
        Assert.Equal(["172.31.240.0/20"], network.Subnets);
        Assert.Equal("bridge", network.Driver);
        Assert.Equal("true", network.Labels[SubnetNetworks.ManagedLabel]);

        var pauseId = h.Docker.IdOf(Pause);
        Assert.Equal(Pause, h.Docker.StartedNames[0]);
        var pause = h.Docker.Creates[0];
        Assert.Matches("^ecs-web-3-internalecspause-[0-9a-f]{20}$", pause.Name);
        Assert.Equal(PauseImageBuilder.DefaultImage, pause.Image);
        Assert.Equal(Network, pause.NetworkMode);
        Assert.Equal(["10.0.0.2"], pause.Dns);
        Assert.Empty(pause.PortBindings);
        Assert.Equal("true", pause.Labels[DockerLabels.PauseContainer]);
        Assert.Equal(task.TaskArn, pause.Labels[DockerLabels.TaskArn]);
        Assert.Equal(EngineHarness.InstanceId, pause.Labels[DockerLabels.AgentInstance]);

        Assert.All(h.Docker.Creates.Skip(1), request =>
        {
            Assert.Equal($"container:{pauseId}", request.NetworkMode);
            Assert.Empty(request.PortBindings);
            Assert.Empty(request.Links);
            Assert.Empty(request.Dns);
            Assert.Null(request.Hostname);
        });
        Assert.Empty(h.Ports.InUse());
    }

    [Fact]
    public async Task Report_AwsvpcTask_InterfaceIsThePauseAddress_PauseNeverReported()
    {
        await using var h = new EngineHarness().Start();
        var task = AwsvpcTask(null, Web(), Specs.Container("sidecar"));

        h.Apply(1, task);
        await Eventually.Until(
            () => h.Reports.Latest(task.TaskArn) is { LastStatus: "RUNNING", NetworkInterface: not null },
            "the running task reports its interface");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal("172.31.240.2", report.NetworkInterface!.PrivateIpv4Address);
        Assert.Equal("02:42:ac:1f:f0:02", report.NetworkInterface.MacAddress);
        Assert.Equal(["web", "sidecar"], report.Containers.Select(c => c.Name));
        Assert.All(report.Containers, c =>
        {
            Assert.Equal("172.31.240.2", c.Ipv4Address);
            Assert.Empty(c.NetworkBindings);
        });
        Assert.DoesNotContain(h.Reports.All, r => r.Containers.Any(c => c.Name == Pause));
    }

    [Fact]
    public async Task DesiredStopped_AwsvpcTask_PauseKilledOnlyAfterEveryContainerStopped()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.IgnoresSigterm = r => r.Labels[DockerLabels.ContainerName] == "web";
        var task = AwsvpcTask(null, Web(), Specs.Container("sidecar"));
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");
        var (pauseId, webId) = (h.Docker.IdOf(Pause), h.Docker.IdOf("web"));

        h.Apply(2, task with { DesiredStatus = "STOPPED" });
        await Eventually.Until(() => h.Container(task.TaskArn, "sidecar").LastStatus == "STOPPED", "the sidecar stopped");
        await Eventually.Never(() => h.Docker.Signals.Any(s => s.Id == pauseId), "the pause container was signalled while web ran");
        Assert.Equal("STOPPING", h.Reports.Latest(task.TaskArn)!.LastStatus);

        h.Time.Advance(TimeSpan.FromSeconds(30));
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var signals = h.Docker.Signals.ToList();
        Assert.Equal((pauseId, "SIGKILL"), signals[^1]);
        Assert.True(signals.IndexOf((webId, "SIGKILL")) < signals.IndexOf((pauseId, "SIGKILL")));
        Assert.Equal("exited", h.Docker.ByName(Pause)!.Status);

        await Eventually.AdvanceUntil(h.Time, TimeSpan.FromMinutes(1), () => h.Docker.Removed.Count == 3, "the task is cleaned up");
        Assert.Equal(pauseId, h.Docker.Removed[^1]);
        Assert.True(h.Docker.Networks.ContainsKey(Network), "the subnet network is shared and stays");
    }

    [Fact]
    public async Task ApplyDesired_PauseImageMissingAndNoBusybox_TaskFailedToStartNamingImageAndBusyboxStatic()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.LocalImages.Remove(PauseImageBuilder.DefaultImage);
        var task = AwsvpcTask();

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal("TaskFailedToStart", report.StopCode);
        Assert.StartsWith("ResourceInitializationError: ", report.StoppedReason);
        Assert.Contains("wharf/ecs-pause:1", report.StoppedReason);
        Assert.Contains("busybox-static", report.StoppedReason);
        Assert.Empty(h.Docker.Creates);
    }

    [Fact]
    public async Task ApplyDesired_PauseImageMissing_BuiltOnceFromBusyboxForConcurrentTasks()
    {
        var opened = 0;
        await using var h = new EngineHarness(busybox: path =>
        {
            Assert.Equal("/bin/busybox", path);
            Interlocked.Increment(ref opened);
            return new MemoryStream([0x7f, (byte)'E', (byte)'L', (byte)'F']);
        }).Start();
        h.Docker.LocalImages.Remove(PauseImageBuilder.DefaultImage);
        var first = AwsvpcTask(Specs.Arn("00000000000000000000000000000001"));
        var second = AwsvpcTask(Specs.Arn("00000000000000000000000000000002"));

        h.Apply(1, first, second);
        await h.UntilStatus(first.TaskArn, "RUNNING");
        await h.UntilStatus(second.TaskArn, "RUNNING");

        Assert.Equal([PauseImageBuilder.DefaultImage], h.Docker.Imports);
        Assert.Equal(1, opened);
        var (files, changes) = h.Docker.LastImport!.Value;
        Assert.Equal(["busybox"], files);
        Assert.Equal(["CMD [\"/busybox\", \"sleep\", \"2147483647\"]"], changes);
        Assert.Equal([Network], h.Docker.NetworkCreates);
    }

    [Fact]
    public async Task ApplyDesired_ImportRefused_TaskFailedToStartNamingTheImage()
    {
        await using var h = new EngineHarness(busybox: _ => new MemoryStream([1, 2, 3])).Start();
        h.Docker.LocalImages.Remove(PauseImageBuilder.DefaultImage);
        h.Docker.ImportError = "no space left on device";
        var task = AwsvpcTask();

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal("TaskFailedToStart", report.StopCode);
        Assert.Contains("wharf/ecs-pause:1", report.StoppedReason);
        Assert.Contains("no space left on device", report.StoppedReason);
    }

    [Fact]
    public async Task ApplyDesired_AnotherAgentCreatesTheNetworkFirst_UsesIt()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.NetworkCreateRace = true;
        var task = AwsvpcTask();

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        Assert.Empty(h.Docker.NetworkCreates);
        Assert.Equal(Network, h.Docker.Creates[0].NetworkMode);
    }

    [Fact]
    public async Task ApplyDesired_NetworkRemovedBehindTheAgent_NextTaskCreatesItAgain()
    {
        await using var h = new EngineHarness().Start();
        var first = AwsvpcTask(Specs.Arn("00000000000000000000000000000001"));
        h.Apply(1, first);
        await h.UntilStatus(first.TaskArn, "RUNNING");
        h.Docker.RemoveNetwork(Network);

        var second = AwsvpcTask(Specs.Arn("00000000000000000000000000000002"));
        h.Apply(2, first, second);
        await h.UntilStatus(second.TaskArn, "RUNNING");

        Assert.Equal([Network, Network], h.Docker.NetworkCreates);
    }

    [Fact]
    public async Task ApplyDesired_SubnetPoolHeldByAnotherNetwork_TaskFailedToStartAfterWaitingForIt()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.SeedNetwork("someone-elses", "172.31.240.0/20");
        var task = AwsvpcTask();

        h.Apply(1, task);
        await Eventually.AdvanceUntil(
            h.Time, TimeSpan.FromMilliseconds(250), () => h.Reports.Latest(task.TaskArn)?.LastStatus == "STOPPED", "the task failed");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal("TaskFailedToStart", report.StopCode);
        Assert.StartsWith($"ResourceInitializationError: Docker network {Network} (172.31.240.0/20) could not be created", report.StoppedReason);
        Assert.Empty(h.Docker.Creates);
    }

    [Fact]
    public async Task ApplyDesired_NetworkExistsWithAnotherSubnet_TaskFailedToStartNamingTheNetwork()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.SeedNetwork(Network, "10.99.0.0/16");
        var task = AwsvpcTask();

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal("TaskFailedToStart", report.StopCode);
        Assert.Contains(Network, report.StoppedReason);
        Assert.Empty(h.Docker.Creates);
    }

    [Fact]
    public async Task ApplyDesired_PauseContainerFailsToStart_TaskFailedToStart_NoTaskContainerCreated()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.OnStart = r => r.Labels.ContainsKey(DockerLabels.PauseContainer) ? new DockerEngineException("bridge is gone") : null;
        var task = AwsvpcTask();

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal("TaskFailedToStart", report.StopCode);
        Assert.StartsWith("ResourceInitializationError: the pause container (wharf/ecs-pause:1)", report.StoppedReason);
        Assert.Contains("bridge is gone", report.StoppedReason);
        Assert.Single(h.Docker.Creates);
        Assert.Equal("STOPPED", Assert.Single(report.Containers).LastStatus);
    }

    [Fact]
    public async Task Adopt_AwsvpcTask_PauseAdoptedWithTheTask_RemovedWhenTheTaskIsStale()
    {
        await using var h = new EngineHarness();
        var web = Specs.Container("web");
        var task = AwsvpcTask(null, web);
        var (pauseId, webId) = SeedRunning(h, task, web);

        await h.AdoptAndStartAsync();
        await h.UntilStatus(task.TaskArn, "RUNNING");
        var adopted = Assert.Single(h.Engine.CurrentReports());
        Assert.Equal(webId, Assert.Single(adopted.Containers).RuntimeId);
        Assert.Equal(new NetworkInterfaceReport("172.31.240.9", "02:42:ac:1f:f0:09"), adopted.NetworkInterface);

        h.Apply(1);
        await h.UntilStatus(task.TaskArn, "STOPPED");
        Assert.Equal([(webId, "SIGTERM"), (pauseId, "SIGKILL")], h.Docker.Signals);
        await Eventually.AdvanceUntil(h.Time, TimeSpan.FromMinutes(1), () => h.Docker.Removed.Count == 2, "the stale task is cleaned up");
        Assert.Equal([webId, pauseId], h.Docker.Removed);
        Assert.Empty(h.Docker.Creates);
    }

    [Fact]
    public async Task Adopt_AwsvpcTaskResent_NothingCreatedAgain()
    {
        await using var h = new EngineHarness();
        var web = Specs.Container("web");
        var task = AwsvpcTask(null, web);
        SeedRunning(h, task, web);

        await h.AdoptAndStartAsync();
        h.Apply(1, task);

        await Eventually.Never(() => h.Docker.Creates.Count > 0 || h.Docker.Signals.Count > 0, "the adopted task was touched");
        Assert.Equal("RUNNING", h.Reports.Latest(task.TaskArn)!.LastStatus);
    }
}
