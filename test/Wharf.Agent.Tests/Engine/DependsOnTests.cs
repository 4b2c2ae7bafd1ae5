using Wharf.Agent.Engine;
using Wharf.Agent.Tests.Fakes;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.Tests.Engine;

public sealed class DependsOnTests
{
    [Fact]
    public async Task DependsOn_Start_StartsDependencyFirst()
    {
        await using var h = new EngineHarness().Start();
        var app = Specs.Container("app") with { DependsOn = [new DependencySpec("proxy", "START")] };
        var task = Specs.Task(null, app, Specs.Container("proxy"));

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        Assert.Equal(["proxy", "app"], h.Docker.StartedNames);
    }

    [Fact]
    public async Task DependsOn_Complete_WaitsForExitWithAnyCode()
    {
        await using var h = new EngineHarness().Start();
        var init = Specs.Container("init") with { Essential = false };
        var app = Specs.Container("app") with { DependsOn = [new DependencySpec("init", "COMPLETE")] };
        var task = Specs.Task(null, app, init);

        h.Apply(1, task);
        await Eventually.Until(() => h.Docker.StartedNames.Contains("init"), "init started");
        await Eventually.Never(() => h.Docker.StartedNames.Contains("app"), "app started before init completed");

        h.Docker.Exit(h.Docker.IdOf("init"), 3);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        Assert.Equal(["init", "app"], h.Docker.StartedNames);
        Assert.Equal(3, h.Container(task.TaskArn, "init").ExitCode);
    }

    [Fact]
    public async Task DependsOn_SuccessAndExitZero_StartsDependent()
    {
        await using var h = new EngineHarness().Start();
        var migrate = Specs.Container("migrate") with { Essential = false };
        var app = Specs.Container("app") with { DependsOn = [new DependencySpec("migrate", "SUCCESS")] };
        var task = Specs.Task(null, app, migrate);

        h.Apply(1, task);
        await Eventually.Until(() => h.Docker.StartedNames.Contains("migrate"), "migrate started");
        h.Docker.Exit(h.Docker.IdOf("migrate"), 0);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        Assert.Equal(["migrate", "app"], h.Docker.StartedNames);
    }

    [Fact]
    public async Task DependsOn_SuccessAndExitNonZero_TaskFailsToStart()
    {
        await using var h = new EngineHarness().Start();
        var migrate = Specs.Container("migrate") with { Essential = false };
        var app = Specs.Container("app") with { DependsOn = [new DependencySpec("migrate", "SUCCESS")] };
        var task = Specs.Task(null, app, migrate);

        h.Apply(1, task);
        await Eventually.Until(() => h.Docker.StartedNames.Contains("migrate"), "migrate started");
        h.Docker.Exit(h.Docker.IdOf("migrate"), 1);
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal(TaskWords.TaskFailedToStart, report.StopCode);
        Assert.Contains("migrate", report.StoppedReason);
        Assert.DoesNotContain("app", h.Docker.StartedNames);
        Assert.Null(h.Container(task.TaskArn, "app").ExitCode);
    }

    [Fact]
    public async Task DependsOn_Healthy_WaitsForHealthCheckToPass()
    {
        await using var h = new EngineHarness().Start();
        var db = Specs.Container("db") with { HealthCheck = new HealthCheckSpec { Command = ["CMD", "true"] } };
        var app = Specs.Container("app") with { DependsOn = [new DependencySpec("db", "HEALTHY")] };
        var task = Specs.Task(null, app, db);

        h.Apply(1, task);
        await Eventually.Until(() => h.Docker.StartedNames.Contains("db"), "db started");
        await Eventually.Never(() => h.Docker.StartedNames.Contains("app"), "app started before db was healthy");

        h.Docker.SetHealth(h.Docker.IdOf("db"), "healthy");
        await h.UntilStatus(task.TaskArn, "RUNNING");

        Assert.Equal(["db", "app"], h.Docker.StartedNames);
    }

    [Fact]
    public async Task DependsOn_HealthyNotReachedWithinStartTimeout_TaskStops()
    {
        await using var h = new EngineHarness().Start();
        var db = Specs.Container("db") with { HealthCheck = new HealthCheckSpec { Command = ["CMD", "true"] }, StartTimeout = 20 };
        var app = Specs.Container("app") with { DependsOn = [new DependencySpec("db", "HEALTHY")] };
        var task = Specs.Task(null, app, db);

        h.Apply(1, task);
        // Reported running means the manager has handled the start, and so armed the startTimeout timer.
        await Eventually.Until(() => h.Reports.Latest(task.TaskArn)!.Containers.Any(c => c.Name == "db" && c.LastStatus == "RUNNING"), "db running");
        h.Time.Advance(TimeSpan.FromSeconds(19));
        await Eventually.Never(() => h.Reports.Latest(task.TaskArn)!.StopCode is not null, "task stopped before startTimeout");

        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var report = h.Reports.Latest(task.TaskArn)!;
        Assert.Equal(TaskWords.TaskFailedToStart, report.StopCode);
        Assert.Contains("startTimeout", report.StoppedReason);
        Assert.Equal(143, h.Container(task.TaskArn, "db").ExitCode);
        Assert.DoesNotContain("app", h.Docker.StartedNames);
    }

    [Fact]
    public async Task Links_LinkTargetCreatedAndStartedFirst_WithDockerNameAndAlias()
    {
        await using var h = new EngineHarness().Start();
        var app = Specs.Container("app") with { Links = ["db:database"] };
        var task = Specs.Task(null, app, Specs.Container("db"));

        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        Assert.Equal(["db", "app"], h.Docker.StartedNames);
        var db = h.Docker.Creates.Single(c => c.Labels["com.amazonaws.ecs.container-name"] == "db");
        var appRequest = h.Docker.Creates.Single(c => c.Labels["com.amazonaws.ecs.container-name"] == "app");
        Assert.Equal([$"{db.Name}:database"], appRequest.Links);
    }

    [Fact]
    public async Task Stop_DependentsFirst_ReverseOfStartOrder()
    {
        await using var h = new EngineHarness().Start();
        h.Docker.IgnoresSigterm = r => r.Labels["com.amazonaws.ecs.container-name"] == "app";
        var app = Specs.Container("app") with { DependsOn = [new DependencySpec("proxy", "START")], StopTimeout = 10 };
        var task = Specs.Task(null, app, Specs.Container("proxy"));
        h.Apply(1, task);
        await h.UntilStatus(task.TaskArn, "RUNNING");

        h.Apply(2, task with { DesiredStatus = "STOPPED" });
        await Eventually.Until(() => h.Docker.Signals.Count == 1, "app signalled");
        await Eventually.Never(() => h.Docker.Signals.Count > 1, "proxy signalled while app still runs");

        h.Time.Advance(TimeSpan.FromSeconds(10));
        await h.UntilStatus(task.TaskArn, "STOPPED");

        var appId = h.Docker.IdOf("app");
        var proxyId = h.Docker.IdOf("proxy");
        Assert.Equal([(appId, "SIGTERM"), (appId, "SIGKILL"), (proxyId, "SIGTERM")], h.Docker.Signals);
    }
}
