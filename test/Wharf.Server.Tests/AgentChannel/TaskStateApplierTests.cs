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

    private static TaskRecord AwsvpcTask(string lastStatus = "PROVISIONING") => NewTask(lastStatus) with
    {
        NetworkInterface = new TaskNetworkInterfaceRecord
        {
            AttachmentId = "att",
            Status = "PRECREATED",
            NetworkInterfaceId = "eni-0123456789abcdef0",
            SubnetId = "subnet-1",
            SubnetCidr = "172.31.0.0/20",
            SecurityGroups = ["sg-1"],
        },
    };

    private static TaskStateReport WithInterface(TaskStateReport report) =>
        report with { NetworkInterface = new NetworkInterfaceReport("172.31.0.7", "0a:58:ac:1f:00:07") };

    [Fact]
    public void Apply_InterfaceReported_AttachedWithAddressAndMac()
    {
        var result = TaskStateApplier.Apply(AwsvpcTask(), WithInterface(Report("PENDING")), Now);

        var eni = result.NetworkInterface!;
        Assert.Equal("ATTACHED", eni.Status);
        Assert.Equal("172.31.0.7", eni.PrivateIpv4Address);
        Assert.Equal("0a:58:ac:1f:00:07", eni.MacAddress);
        Assert.Equal("eni-0123456789abcdef0", eni.NetworkInterfaceId);
    }

    [Fact]
    public void Apply_NoInterfaceInReport_StaysPrecreated()
    {
        var result = TaskStateApplier.Apply(AwsvpcTask(), Report("PENDING"), Now);

        Assert.Equal("PRECREATED", result.NetworkInterface!.Status);
        Assert.Null(result.NetworkInterface.PrivateIpv4Address);
    }

    [Fact]
    public void Apply_TaskStopsAfterAttach_DetachedThenDeletedNeverBack()
    {
        var attached = TaskStateApplier.Apply(AwsvpcTask(), WithInterface(Report("RUNNING")), Now);

        var deprovisioning = TaskStateApplier.Apply(attached, WithInterface(Report("DEPROVISIONING")), Now.AddSeconds(1));
        var stopped = TaskStateApplier.Apply(deprovisioning, Report("STOPPED"), Now.AddSeconds(2));
        var late = TaskStateApplier.Apply(stopped, WithInterface(Report("RUNNING")), Now.AddSeconds(3));

        Assert.Equal("DETACHED", deprovisioning.NetworkInterface!.Status);
        Assert.Equal("DELETED", stopped.NetworkInterface!.Status);
        Assert.Equal("172.31.0.7", stopped.NetworkInterface.PrivateIpv4Address);
        Assert.Equal(stopped, late);
    }

    [Fact]
    public void Apply_StoppedBeforeAttach_Deleted()
    {
        var result = TaskStateApplier.Apply(AwsvpcTask(), Report("STOPPED", stopCode: "TaskFailedToStart"), Now);

        Assert.Equal("DELETED", result.NetworkInterface!.Status);
    }

    [Fact]
    public void Apply_SameInterfaceReportedTwice_NoChange()
    {
        var once = TaskStateApplier.Apply(AwsvpcTask(), WithInterface(Report("RUNNING")), Now);

        Assert.Equal(once, TaskStateApplier.Apply(once, WithInterface(Report("RUNNING")), Now.AddSeconds(1)));
    }

    [Fact]
    public void Apply_BridgeTask_NoInterface()
    {
        Assert.Null(TaskStateApplier.Apply(NewTask(), WithInterface(Report("RUNNING")), Now).NetworkInterface);
    }
}
