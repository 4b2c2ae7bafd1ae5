using Wharf.Agent.Docker;
using Wharf.Agent.Engine;
using Wharf.Agent.Tests.Fakes;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.Tests.Engine;

public sealed class TaskLifecycleTests
{
    [Fact]
    public async Task ApplyDesired_NewTask_CreatesStartsAndReportsRunning()
    {
        await using var h = new EngineHarness().Start();
        var web = Specs.Container("web") with
        {
            PortMappings = [new PortMappingSpec { ContainerPort = 8080, HostPort = 0 }],
            Environment = new Dictionary<string, string> { ["GREETING"] = "hi" },
            DockerLabels = new Dictionary<string, string> { ["team"] = "blue" },
        };
        var task = Specs.Task(null, web);

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        Assert.Equal(["PENDING", "RUNNING"], h.Reports.Statuses(task.TaskArn));
        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.NotNull(report.StartedAt);
        Assert.NotNull(report.PullStartedAt);
        Assert.NotNull(report.PullStoppedAt);
        var container = Assert.Single(report.Containers);
        Assert.Equal("RUNNING", container.LastStatus);
        Assert.Equal(h.Docker.IdOf("web"), container.RuntimeId);
        var binding = Assert.Single(container.NetworkBindings);
        Assert.Equal("0.0.0.0", binding.BindIP);
        Assert.Equal(8080, binding.ContainerPort);
        Assert.InRange(binding.HostPort, PortAllocator.FirstEphemeral, PortAllocator.LastEphemeral);
        Assert.Equal("tcp", binding.Protocol);
        Assert.Empty(h.Docker.Pulls);

        var request = Assert.Single(h.Docker.Creates);
        Assert.Matches("^ecs-web-3-web-[0-9a-f]{20}$", request.Name);
        Assert.Equal(task.TaskArn, request.Labels[DockerLabels.TaskArn]);
        Assert.Equal("web", request.Labels[DockerLabels.ContainerName]);
        Assert.Equal("stage01", request.Labels[DockerLabels.Cluster]);
        Assert.Equal("web", request.Labels[DockerLabels.TaskDefinitionFamily]);
        Assert.Equal("3", request.Labels[DockerLabels.TaskDefinitionVersion]);
        Assert.Equal(EngineHarness.InstanceId, request.Labels[DockerLabels.AgentInstance]);
        Assert.Equal("blue", request.Labels["team"]);
        Assert.Contains("GREETING=hi", request.Env);
        Assert.Equal(128, request.CpuShares);
        Assert.Equal(256L * 1024 * 1024, request.MemoryBytes);
        Assert.Equal(binding.HostPort, Assert.Single(request.PortBindings).HostPort);
    }

    [Fact]
    public async Task ApplyDesired_ImageMissing_PullsBeforeCreating()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task(null, Specs.Container("web", "registry.local:5000/team/web:2"));

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        Assert.Equal(["registry.local:5000/team/web:2"], h.Docker.Pulls);
    }

    [Fact]
    public async Task ApplyDesired_PullFails_StopsTaskAsFailedToStart()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.PullErrors["missing:1"] = "pull access denied for missing, repository does not exist";
        var task = Specs.Task(null, Specs.Container("web", "missing:1"), Specs.Container("sidecar"));

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal(TaskWords.TaskFailedToStart, report.StopCode);
        Assert.StartsWith("CannotPullContainerError: pull access denied", report.StoppedReason);
        var web = report.Containers.Single(c => c.Name == "web");
        Assert.Equal("STOPPED", web.LastStatus);
        Assert.Equal("CannotPullContainerError: pull access denied for missing, repository does not exist", web.Reason);
        Assert.DoesNotContain(h.Docker.StartedNames, n => n == "web");
        Assert.All(report.Containers, c => Assert.Equal("STOPPED", c.LastStatus));
    }

    [Fact]
    public async Task ApplyDesired_StartFails_ReportsCannotStartContainerError()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.OnStart = _ => new DockerEngineException("exec: \"nope\": executable file not found in $PATH");
        var task = Specs.Task();

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal(TaskWords.TaskFailedToStart, report.StopCode);
        Assert.StartsWith("CannotStartContainerError: exec", report.Containers[0].Reason);
    }

    [Fact]
    public async Task ApplyDesired_HealthCheck_ReportsContainerAndTaskHealth()
    {
        await using var h = new EngineHarness().Start();
        var web = Specs.Container("web") with
        {
            HealthCheck = new HealthCheckSpec { Command = ["CMD-SHELL", "true"], Interval = 5, Timeout = 2, Retries = 2, StartPeriod = 1 },
        };
        var task = Specs.Task(null, web);

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");
        Assert.Equal("UNKNOWN", h.Reports.Latest(task.TaskArn)!.HealthStatus);

        h.Docker.SetHealth(h.Docker.IdOf("web"), "healthy");
        await Eventually.Until(() => h.Reports.Latest(task.TaskArn)!.HealthStatus == "HEALTHY", "task is healthy");
        Assert.Equal("HEALTHY", h.Container(task.TaskArn, "web").HealthStatus);

        h.Docker.SetHealth(h.Docker.IdOf("web"), "unhealthy");
        await Eventually.Until(() => h.Reports.Latest(task.TaskArn)!.HealthStatus == "UNHEALTHY", "task is unhealthy");
        Assert.Equal("RUNNING", h.Reports.Latest(task.TaskArn)!.LastStatus);

        var check = Assert.Single(h.Docker.Creates).HealthCheck!;
        Assert.Equal(TimeSpan.FromSeconds(5), check.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), check.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(1), check.StartPeriod);
        Assert.Equal(2, check.Retries);
    }

    [Fact]
    public async Task ApplyDesired_TaskVolume_CreatedMountedAndRemovedAtCleanup()
    {
        await using var h = new EngineHarness().Start();
        var web = Specs.Container("web") with { MountPoints = [new MountPointSpec("data", "/data", ReadOnly: false), new MountPointSpec("conf", "/etc/conf", ReadOnly: true)] };
        var task = Specs.Task(null, web) with
        {
            Volumes =
            [
                new VolumeSpec { Name = "data", DockerVolume = new DockerVolumeSpec { Scope = "task" } },
                new VolumeSpec { Name = "conf", HostSourcePath = "/srv/conf" },
            ],
        };

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");
        var volume = Assert.Single(h.Docker.Volumes);
        Assert.Equal($"{volume}:/data", h.Docker.Creates[0].Binds[0]);
        Assert.Equal("/srv/conf:/etc/conf:ro", h.Docker.Creates[0].Binds[1]);

        var id = h.Docker.IdOf("web");
        h.Apply(2, task with { DesiredStatus = "STOPPED" });
        await h.UntilStatus(task.TaskArn, "STOPPED");
        await Eventually.AdvanceUntil(h.Time, TimeSpan.FromMinutes(1), () => h.Docker.Volumes.Count == 0, "task volume removed");
        Assert.Contains(id, h.Docker.Removed);
    }
}
