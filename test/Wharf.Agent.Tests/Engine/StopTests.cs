using Wharf.Agent.Engine;
using Wharf.Agent.Tests.Fakes;
using Xunit;

namespace Wharf.Agent.Tests.Engine;

public sealed class StopTests
{
    [Fact]
    public async Task DesiredStopped_ContainerIgnoresSigterm_KilledAfterStopTimeout()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.IgnoresSigterm = _ => true;
        var task = Specs.Task();
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");
        var id = h.Docker.IdOf("web");

        h.Apply(2, task with { DesiredStatus = "STOPPED" });
        await Eventually.Until(() => h.Docker.Signals.Contains((id, "SIGTERM")), "SIGTERM sent");
        await h.UntilStatus(task.TaskArn, "STOPPING");

        h.Time.Advance(TimeSpan.FromSeconds(29));
        await Eventually.Never(() => h.Docker.Signals.Contains((id, "SIGKILL")), "SIGKILL sent before the default 30 s");

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.UntilStatus(task.TaskArn, "STOPPED");

        Assert.Equal([(id, "SIGTERM"), (id, "SIGKILL")], h.Docker.Signals);
        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Null(report.StopCode);
        Assert.NotNull(report.ExecutionStoppedAt);
        Assert.Equal(137, report.Containers[0].ExitCode);
        Assert.Equal(["PENDING", "RUNNING", "STOPPING", "STOPPED"], h.Reports.Statuses(task.TaskArn));
    }

    [Fact]
    public async Task DesiredStopped_ContainerHonoursSigterm_StopsWithoutKill()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task(null, Specs.Container("web") with { StopTimeout = 5 });
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Apply(2, task with { DesiredStatus = "STOPPED" });
        await h.UntilStatus(task.TaskArn, "STOPPED");

        Assert.Equal([(h.Docker.IdOf("web"), "SIGTERM")], h.Docker.Signals);
        Assert.Equal(143, h.Container(task.TaskArn, "web").ExitCode);
    }

    [Fact]
    public async Task DesiredStopped_ImageHasStopSignal_SendsItAsDockerStopDoes()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task();
        h.Docker.ImageStopSignals[task.Containers[0].Image] = "SIGQUIT";
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Apply(2, task with { DesiredStatus = "STOPPED" });
        await h.UntilStatus(task.TaskArn, "STOPPED");

        Assert.Equal([(h.Docker.IdOf("web"), "SIGQUIT")], h.Docker.Signals);
        Assert.Equal(143, h.Container(task.TaskArn, "web").ExitCode);
    }

    [Fact]
    public async Task DesiredStopped_CustomStopTimeout_KillsAfterIt()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.IgnoresSigterm = _ => true;
        var task = Specs.Task(null, Specs.Container("web") with { StopTimeout = 5 });
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Apply(2, task with { DesiredStatus = "STOPPED" });
        await h.UntilStatus(task.TaskArn, "STOPPING");
        h.Time.Advance(TimeSpan.FromSeconds(5));
        await h.UntilStatus(task.TaskArn, "STOPPED");

        Assert.Equal(137, h.Container(task.TaskArn, "web").ExitCode);
    }

    [Fact]
    public async Task EssentialContainerExits_StopsTaskWithEssentialContainerExited()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task(null, Specs.Container("web"), Specs.Container("sidecar") with { Essential = false });
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Docker.Exit(h.Docker.IdOf("web"), 2);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal(TaskWords.EssentialContainerExited, report.StopCode);
        Assert.Equal("Essential container in task exited", report.StoppedReason);
        Assert.Equal(2, h.Container(task.TaskArn, "web").ExitCode);
        Assert.Equal(143, h.Container(task.TaskArn, "sidecar").ExitCode);
        Assert.Equal([(h.Docker.IdOf("sidecar"), "SIGTERM")], h.Docker.Signals);
    }

    [Fact]
    public async Task NonEssentialContainerExits_TaskKeepsRunning()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task(null, Specs.Container("web"), Specs.Container("sidecar") with { Essential = false });
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Docker.Exit(h.Docker.IdOf("sidecar"), 1);
        await Eventually.Until(() => h.Container(task.TaskArn, "sidecar").LastStatus == "STOPPED", "sidecar reported stopped");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal("RUNNING", report.LastStatus);
        Assert.Null(report.StopCode);
        Assert.Equal(1, h.Container(task.TaskArn, "sidecar").ExitCode);
        Assert.Empty(h.Docker.Signals);
    }

    [Fact]
    public async Task ContainerOomKilled_ReportsOutOfMemoryReason()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task();
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Docker.Exit(h.Docker.IdOf("web"), 137, oom: true);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        Assert.Equal("OutOfMemoryError: Container killed due to memory usage", h.Container(task.TaskArn, "web").Reason);
        Assert.Equal(TaskWords.EssentialContainerExited, h.Reports.Latest(task.TaskArn)!.StopCode);
    }

    [Fact]
    public async Task StoppedTask_DesiredRunningAgain_StaysStopped()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task();
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");
        h.Docker.Exit(h.Docker.IdOf("web"), 0);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        h.Apply(2, task);
        await Eventually.Never(() => h.Docker.Creates.Count > 1, "the stopped task was started again");

        Assert.Equal("STOPPED", h.Reports.Latest(task.TaskArn)!.LastStatus);
    }

    [Fact]
    public async Task StoppedTask_AfterCleanupDelay_ContainersRemovedAndTaskForgotten()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task();
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");
        var id = h.Docker.IdOf("web");
        h.Apply(2, task with { DesiredStatus = "STOPPED" });
        await h.UntilStatus(task.TaskArn, "STOPPED");

        h.Time.Advance(TimeSpan.FromMinutes(9));
        await Eventually.Never(() => h.Docker.Removed.Count > 0, "removed before the cleanup delay");
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.Until(() => h.Docker.Removed.Contains(id), "container removed");

        Assert.Equal(1, h.Engine.TaskCount);
        h.Apply(3);
        await Eventually.Until(() => h.Engine.TaskCount == 0, "task forgotten once the server dropped it");
    }

    [Fact]
    public async Task DesiredStoppedForUnknownTask_ReportsStoppedWithoutTouchingDocker()
    {
        await using var h = new EngineHarness().Start();
        var task = Specs.Task() with { DesiredStatus = "STOPPED" };

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        Assert.Empty(h.Docker.Creates);
        Assert.Empty(h.Docker.Pulls);
    }
}
