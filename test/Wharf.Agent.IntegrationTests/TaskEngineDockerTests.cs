using Docker.DotNet.Models;
using Wharf.Agent.Docker;
using Wharf.Agent.Host;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.IntegrationTests;

[Collection(DockerCollection.Name)]
public sealed class TaskEngineDockerTests(DockerFixture docker) : IAsyncLifetime
{
    private readonly string _instanceId = AgentIdentityStore.NewInstanceId();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => docker.RemoveLeftoversAsync(_instanceId);

    [Fact]
    public async Task StopTask_ShellTrapsSigterm_StoppedWithItsExitCode()
    {
        await using var engine = await RealEngine.StartAsync(docker, _instanceId);
        var task = TestSpecs.Task(TestSpecs.Container("app", "sh", "-c", "trap 'exit 7' TERM; while true; do sleep 0.2; done"));

        engine.Engine.ApplyDesired(TestSpecs.Desired(1, task));
        var running = await engine.WaitForStatusAsync(task.TaskArn, "RUNNING");
        engine.Engine.ApplyDesired(TestSpecs.Desired(2, task with { DesiredStatus = "STOPPED" }));
        var stopped = await engine.WaitForStatusAsync(task.TaskArn, "STOPPED");

        Assert.NotNull(running.Containers[0].RuntimeId!);
        Assert.StartsWith("sha256:", running.Containers[0].ImageDigest);
        Assert.Null(stopped.StopCode);
        Assert.Equal(7, stopped.Containers[0].ExitCode);
    }

    [Fact]
    public async Task EssentialContainerExits_TaskStoppedWithEssentialContainerExited()
    {
        await using var engine = await RealEngine.StartAsync(docker, _instanceId);
        var task = TestSpecs.Task(
            TestSpecs.Container("job", "sh", "-c", "sleep 1; exit 3"),
            TestSpecs.Container("sidecar", "sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done") with { Essential = false });

        engine.Engine.ApplyDesired(TestSpecs.Desired(1, task));
        var stopped = await engine.WaitForStatusAsync(task.TaskArn, "STOPPED");

        Assert.Equal("EssentialContainerExited", stopped.StopCode);
        Assert.Equal("Essential container in task exited", stopped.StoppedReason);
        Assert.Equal(3, stopped.Containers.Single(c => c.Name == "job").ExitCode);
        Assert.Equal(0, stopped.Containers.Single(c => c.Name == "sidecar").ExitCode);
    }

    [Fact]
    public async Task DynamicHostPort_HttpGetReachesTheContainer_AndCreateHonoursTheDefinition()
    {
        await using var engine = await RealEngine.StartAsync(docker, _instanceId);
        // httpd as PID 1 has no SIGTERM handler: a short stopTimeout keeps the stop quick.
        var web = TestSpecs.Container("web", "httpd", "-f", "-p", "8080", "-h", "/www") with
        {
            StopTimeout = 1,
            PortMappings = [new PortMappingSpec { ContainerPort = 8080, HostPort = 0 }],
            Environment = new Dictionary<string, string> { ["STAGE"] = "it" },
            Ulimits = [new UlimitSpec("nofile", 1024, 2048)],
        };
        var task = TestSpecs.Task(web);

        engine.Engine.ApplyDesired(TestSpecs.Desired(1, task));
        var running = await engine.WaitForStatusAsync(task.TaskArn, "RUNNING");
        var binding = running.Containers[0].NetworkBindings.Single();

        Assert.InRange(binding.HostPort, 49153, 65535);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var body = await Waits.RetryAsync(() => http.GetStringAsync(new Uri($"http://127.0.0.1:{binding.HostPort}/")));
        Assert.Equal("hello from wharf\n", body);

        var inspected = await docker.Client.Containers.InspectContainerAsync(running.Containers[0].RuntimeId!);
        Assert.Matches("^/ecs-agent-it-1-web-[0-9a-f]{20}$", inspected.Name);
        Assert.Equal(64, inspected.HostConfig!.CPUShares);
        Assert.Equal(64L * 1024 * 1024, inspected.HostConfig!.Memory);
        Assert.Equal(32L * 1024 * 1024, inspected.HostConfig!.MemoryReservation);
        Assert.Equal(task.TaskArn, inspected.Config!.Labels[DockerLabels.TaskArn]);
        Assert.Equal("web", inspected.Config!.Labels[DockerLabels.ContainerName]);
        Assert.Equal("agent-it", inspected.Config!.Labels[DockerLabels.Cluster]);
        Assert.Equal(_instanceId, inspected.Config!.Labels[DockerLabels.AgentInstance]);
        Assert.Contains("STAGE=it", inspected.Config!.Env);
        Assert.Equal(2048, inspected.HostConfig!.Ulimits!.Single().Hard);
    }

    [Fact]
    public async Task HealthCheck_TurnsHealthy_DependentWaitsForIt()
    {
        await using var engine = await RealEngine.StartAsync(docker, _instanceId);
        var db = TestSpecs.Container("db", "sh", "-c", "sleep 1; touch /tmp/ready; exec sleep 600") with
        {
            HealthCheck = new HealthCheckSpec { Command = ["CMD-SHELL", "test -f /tmp/ready"], Interval = 1, Timeout = 1, Retries = 1 },
        };
        var app = TestSpecs.Container("app", "sleep", "600") with { DependsOn = [new DependencySpec("db", "HEALTHY")] };
        var task = TestSpecs.Task(app, db);

        engine.Engine.ApplyDesired(TestSpecs.Desired(1, task));
        var running = await engine.WaitForStatusAsync(task.TaskArn, "RUNNING");

        Assert.Equal("HEALTHY", running.Containers.Single(c => c.Name == "db").HealthStatus);
        var dbInspect = await docker.Client.Containers.InspectContainerAsync(running.Containers.Single(c => c.Name == "db").RuntimeId!);
        var appInspect = await docker.Client.Containers.InspectContainerAsync(running.Containers.Single(c => c.Name == "app").RuntimeId!);
        Assert.Equal(TimeSpan.FromSeconds(1), dbInspect.Config!.Healthcheck!.Interval);
        Assert.True(DateTimeOffset.Parse(appInspect.State!.StartedAt, System.Globalization.CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(dbInspect.State!.StartedAt, System.Globalization.CultureInfo.InvariantCulture).AddMilliseconds(900));
    }

    [Fact]
    public async Task StopTimeout_ContainerIgnoresSigterm_KilledWith137()
    {
        await using var engine = await RealEngine.StartAsync(docker, _instanceId);
        // sleep as PID 1 has no SIGTERM handler, and the kernel ignores unhandled signals for PID 1.
        var task = TestSpecs.Task(TestSpecs.Container("stubborn", "sleep", "600") with { StopTimeout = 2 });

        engine.Engine.ApplyDesired(TestSpecs.Desired(1, task));
        await engine.WaitForStatusAsync(task.TaskArn, "RUNNING");
        var stopRequested = DateTime.UtcNow;
        engine.Engine.ApplyDesired(TestSpecs.Desired(2, task with { DesiredStatus = "STOPPED" }));
        var stopped = await engine.WaitForStatusAsync(task.TaskArn, "STOPPED");

        Assert.Equal(137, stopped.Containers[0].ExitCode);
        Assert.InRange(DateTime.UtcNow - stopRequested, TimeSpan.FromSeconds(1.8), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Restart_NewEngineWithTheSameInstanceId_AdoptsRunningContainersWithoutDuplicates()
    {
        // httpd as PID 1 has no SIGTERM handler: a short stopTimeout keeps the stop quick.
        var web = TestSpecs.Container("web", "httpd", "-f", "-p", "8080", "-h", "/www") with
        {
            StopTimeout = 1,
            PortMappings = [new PortMappingSpec { ContainerPort = 8080, HostPort = 0 }],
        };
        var task = TestSpecs.Task(web);
        TaskStateReport before;
        await using (var first = await RealEngine.StartAsync(docker, _instanceId))
        {
            first.Engine.ApplyDesired(TestSpecs.Desired(1, task));
            before = await first.WaitForStatusAsync(task.TaskArn, "RUNNING");
        }

        await using var second = await RealEngine.StartAsync(docker, _instanceId, adopt: true);
        var adopted = Assert.Single(second.Engine.CurrentReports());
        Assert.Equal(task.TaskArn, adopted.TaskArn);
        Assert.Equal("RUNNING", adopted.LastStatus);
        Assert.Equal(before.Containers[0].RuntimeId, adopted.Containers[0].RuntimeId!);
        Assert.Equal(before.Containers[0].NetworkBindings, adopted.Containers[0].NetworkBindings);

        second.Engine.ApplyDesired(TestSpecs.Desired(1, task));
        await Task.Delay(500);
        Assert.Single(await ListAsync());

        second.Engine.ApplyDesired(TestSpecs.Desired(2));
        var stopped = await second.WaitForStatusAsync(task.TaskArn, "STOPPED");
        Assert.NotNull(stopped.Containers[0].ExitCode);
    }

    [Fact]
    public async Task PullFails_UnreachableRegistry_TaskFailedToStart()
    {
        await using var engine = await RealEngine.StartAsync(docker, _instanceId);
        var task = TestSpecs.Task(TestSpecs.Container("app") with { Image = "127.0.0.1:1/nothing/here:1" });

        engine.Engine.ApplyDesired(TestSpecs.Desired(1, task));
        var stopped = await engine.WaitForStatusAsync(task.TaskArn, "STOPPED");

        Assert.Equal("TaskFailedToStart", stopped.StopCode);
        Assert.StartsWith("CannotPullContainerError: ", stopped.Containers[0].Reason);
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Cleanup_AfterTheDelay_RemovesContainersAndTaskVolumes()
    {
        await using var engine = await RealEngine.StartAsync(docker, _instanceId, cleanupDelay: TimeSpan.FromSeconds(1));
        var writer = TestSpecs.Container("writer", "sh", "-c", "echo data > /data/file") with
        {
            MountPoints = [new MountPointSpec("scratch", "/data", ReadOnly: false)],
        };
        var task = TestSpecs.Task(writer) with { Volumes = [new VolumeSpec { Name = "scratch", DockerVolume = new DockerVolumeSpec() }] };

        engine.Engine.ApplyDesired(TestSpecs.Desired(1, task));
        var stopped = await engine.WaitForStatusAsync(task.TaskArn, "STOPPED");
        Assert.Equal(0, stopped.Containers[0].ExitCode);
        Assert.Single(await ListVolumesAsync());

        await Waits.UntilAsync(async () => (await ListAsync()).Count == 0 && (await ListVolumesAsync()).Count == 0, "container and volume removed");
    }

    private async Task<IList<ContainerListResponse>> ListAsync() =>
        await docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerLabels.AgentInstance}={_instanceId}"] = true } },
        });

    private async Task<IList<VolumeResponse>> ListVolumesAsync() =>
        (await docker.Client.Volumes.ListAsync(new VolumesListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerLabels.AgentInstance}={_instanceId}"] = true } },
        })).Volumes ?? [];
}
