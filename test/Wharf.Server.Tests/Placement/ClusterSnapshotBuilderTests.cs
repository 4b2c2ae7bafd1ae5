using Wharf.Core.Model;
using Wharf.Scheduling.Model;
using Wharf.Server.Placement;
using Wharf.Server.State;
using Xunit;

namespace Wharf.Server.Tests.Placement;

public sealed class ClusterSnapshotBuilderTests
{
    private const string Cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/default";
    private const string InstanceArn = "arn:aws:ecs:us-east-1:000000000000:container-instance/default/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static ContainerInstanceRecord Instance(string arn = InstanceArn, string status = "ACTIVE") => new()
    {
        Arn = arn,
        Id = arn[(arn.LastIndexOf('/') + 1)..],
        ClusterArn = Cluster,
        Ec2InstanceId = "i-1",
        Status = status,
        AgentConnected = true,
        RegisteredAt = Now,
        AgentVersion = "1.0.0",
        DockerVersion = "20.10",
        RegisteredCpu = 2048,
        RegisteredMemory = 4096,
        HostReservedPorts = ["22/tcp", "53/udp", "2375"],
        Attributes = [new("ecs.availability-zone", "us-east-1a"), new("flag", null)],
    };

    private static TaskRecord Task(
        string id,
        string lastStatus = "RUNNING",
        string desired = "RUNNING",
        int cpu = 256,
        int memory = 512,
        IReadOnlyList<string>? ports = null,
        IReadOnlyList<NetworkBindingRecord>? bindings = null,
        string? group = null) => new()
    {
        Arn = $"arn:aws:ecs:us-east-1:000000000000:task/default/{id}",
        Id = id,
        ClusterArn = Cluster,
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
        Family = "web",
        Revision = 1,
        ContainerInstanceArn = InstanceArn,
        LastStatus = lastStatus,
        DesiredStatus = desired,
        Group = group,
        ReservedCpu = cpu,
        ReservedMemory = memory,
        ReservedPorts = ports ?? [],
        CreatedAt = Now,
        Containers = [new TaskContainerRecord { ContainerArn = "c", Name = "web", Image = "wharf/web", LastStatus = lastStatus, NetworkBindings = bindings ?? [] }],
    };

    private static ClusterSnapshot Build(IEnumerable<TaskRecord> tasks, bool connected = true, params ContainerInstanceRecord[] instances) =>
        ClusterSnapshotBuilder.Build(
            Cluster,
            (instances.Length == 0 ? [Instance()] : instances).Select(i => new Versioned<ContainerInstanceRecord>(i, 3, i.Arn)).ToList(),
            tasks.Select(t => new Versioned<TaskRecord>(t, 1, t.Arn)).ToList(),
            _ => connected);

    [Fact]
    public void Build_TasksOnInstance_RemainingExcludesStoppedTasks()
    {
        var snapshot = Build([Task("1"), Task("2", lastStatus: "PENDING"), Task("3", lastStatus: "STOPPED", desired: "STOPPED")]);

        var instance = Assert.Single(snapshot.Instances);
        Assert.Equal(2048 - 512, instance.RemainingCpu);
        Assert.Equal(4096 - 1024, instance.RemainingMemory);
        Assert.Equal(1, instance.RunningTasksCount);
        Assert.Equal(1, instance.PendingTasksCount);
        Assert.Equal(2, snapshot.ActiveTasks.Count);
    }

    [Fact]
    public void Build_TaskStoppingButStillRunning_HoldsResourcesButLeavesTheGroup()
    {
        var snapshot = Build([Task("1", desired: "STOPPED")]);

        var instance = Assert.Single(snapshot.Instances);
        Assert.Equal(4096 - 512, instance.RemainingMemory);
        Assert.Empty(instance.Tasks);
    }

    [Fact]
    public void Build_Ports_FromHostReservedStaticAndBoundByProtocol()
    {
        var snapshot = Build([
            Task("1", ports: ["8080/tcp", "5353/udp"], bindings: [new NetworkBindingRecord("0.0.0.0", 80, 49153, "tcp"), new NetworkBindingRecord("0.0.0.0", 53, 49154, "udp")]),
            Task("2", lastStatus: "STOPPED", ports: ["9090/tcp"]),
        ]);

        var instance = Assert.Single(snapshot.Instances);
        Assert.Equal([22, 2375, 8080, 49153], instance.UsedTcpPorts.Order());
        Assert.Equal([53, 5353, 49154], instance.UsedUdpPorts.Order());
    }

    [Fact]
    public void Build_Groups_DefaultToFamily()
    {
        var snapshot = Build([Task("1"), Task("2", group: "service:api")]);

        Assert.Equal(["family:web", "service:api"], snapshot.Instances[0].Tasks.Select(t => t.Group));
    }

    [Fact]
    public void Build_InstanceFields_StatusAttributesAgentAndRecords()
    {
        var draining = Instance("arn:aws:ecs:us-east-1:000000000000:container-instance/default/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "DRAINING");
        var snapshot = Build([], connected: false, Instance(), draining);

        Assert.Equal([InstanceStatus.Active, InstanceStatus.Draining], snapshot.Instances.Select(i => i.Status));
        Assert.All(snapshot.Instances, i => Assert.False(i.AgentConnected));
        Assert.Null(snapshot.Instances[0].Attributes["flag"]);
        Assert.Equal("us-east-1a", snapshot.Instances[0].Attributes["ecs.availability-zone"]);
        Assert.Equal(3, snapshot.Records[draining.Arn].Version);
        Assert.Same(snapshot.Instances[1], snapshot.Find(draining.Arn));
    }

    [Fact]
    public void Build_MoreReservedThanRegistered_RemainingNeverNegative()
    {
        var snapshot = Build([Task("1", cpu: 4096, memory: 8192)]);

        Assert.Equal(0, snapshot.Instances[0].RemainingCpu);
        Assert.Equal(0, snapshot.Instances[0].RemainingMemory);
    }
}
