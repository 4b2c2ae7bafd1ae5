using Wharf.Core.Model;
using Wharf.Protocol.AgentChannel;
using Wharf.Server.AgentChannel;
using Xunit;

namespace Wharf.Server.Tests.AgentChannel;

public sealed class TaskStateApplierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static TaskRecord NewTask(string lastStatus = "PROVISIONING", string desired = "RUNNING") => new()
    {
        Arn = "arn:aws:ecs:us-east-1:000000000000:task/default/abc",
        Id = "abc",
        ClusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/default",
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
        Family = "web",
        Revision = 1,
        ContainerInstanceArn = "ci",
        LastStatus = lastStatus,
        DesiredStatus = desired,
        CreatedAt = Now.AddMinutes(-1),
        Containers = [new TaskContainerRecord { ContainerArn = "c", Name = "web", Image = "wharf/web", LastStatus = "PENDING" }],
    };

    private static TaskStateReport Report(string status, int? exitCode = null, string? stopCode = null) => new()
    {
        TaskArn = "arn:aws:ecs:us-east-1:000000000000:task/default/abc",
        LastStatus = status,
        StopCode = stopCode,
        Containers =
        [
            new ContainerStateReport
            {
                Name = "web",
                RuntimeId = "d0cker",
                LastStatus = status == "STOPPED" ? "STOPPED" : status == "RUNNING" ? "RUNNING" : "PENDING",
                ExitCode = exitCode,
                NetworkBindings = [new NetworkBindingReport("0.0.0.0", 80, 49200, "tcp")],
            },
        ],
    };

    [Fact]
    public void Apply_RunningReport_SetsStatusBindingsAndStartedAt()
    {
        var result = TaskStateApplier.Apply(NewTask(), Report("RUNNING"), Now);

        Assert.Equal("RUNNING", result.LastStatus);
        Assert.Equal(Now, result.StartedAt);
        var container = Assert.Single(result.Containers);
        Assert.Equal("RUNNING", container.LastStatus);
        Assert.Equal("d0cker", container.RuntimeId);
        Assert.Equal(49200, Assert.Single(container.NetworkBindings).HostPort);
    }

    [Fact]
    public void Apply_OlderReportAfterRunning_NeverMovesBackwards()
    {
        var running = TaskStateApplier.Apply(NewTask(), Report("RUNNING"), Now);

        var result = TaskStateApplier.Apply(running, Report("PENDING"), Now.AddSeconds(1));

        Assert.Equal("RUNNING", result.LastStatus);
        Assert.Equal("RUNNING", result.Containers[0].LastStatus);
    }

    [Fact]
    public void Apply_StoppedOnItsOwn_RecordsEssentialContainerExited()
    {
        var running = TaskStateApplier.Apply(NewTask(), Report("RUNNING"), Now);

        var result = TaskStateApplier.Apply(running, Report("STOPPED", exitCode: 137, stopCode: "EssentialContainerExited"), Now.AddSeconds(5));

        Assert.Equal("STOPPED", result.LastStatus);
        Assert.Equal("STOPPED", result.DesiredStatus);
        Assert.Equal("EssentialContainerExited", result.StopCode);
        Assert.Equal("Essential container in task exited", result.StoppedReason);
        Assert.Equal(137, result.Containers[0].ExitCode);
        Assert.Equal(Now.AddSeconds(5), result.StoppedAt);
    }

    [Fact]
    public void Apply_StoppedAfterUserStop_KeepsUserStopCode()
    {
        var stopping = TaskStateApplier.Apply(NewTask(), Report("RUNNING"), Now) with
        {
            DesiredStatus = "STOPPED",
            StopCode = "UserInitiated",
            StoppedReason = "Task stopped by user",
        };

        var result = TaskStateApplier.Apply(stopping, Report("STOPPED", exitCode: 0), Now.AddSeconds(2));

        Assert.Equal("UserInitiated", result.StopCode);
        Assert.Equal("Task stopped by user", result.StoppedReason);
        Assert.Equal(0, result.Containers[0].ExitCode);
    }

    [Fact]
    public void Apply_SameReportTwice_ChangesNothingTheSecondTime()
    {
        var once = TaskStateApplier.Apply(NewTask(), Report("RUNNING"), Now);

        var twice = TaskStateApplier.Apply(once, Report("RUNNING"), Now.AddSeconds(3));

        Assert.Equal(once, twice);
    }
}
