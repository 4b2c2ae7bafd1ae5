using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

public sealed partial class RunTaskHandlerTests
{
    private readonly TaskTestBed bed = new();

    private async Task SetUpAsync(int instances = 1, int cpu = 2048, int memory = 4096)
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        for (var i = 0; i < instances; i++)
        {
            await bed.InstanceAsync(cpu: cpu, memory: memory);
        }
    }

    [Fact]
    public async Task HandleAsync_ThreeTasks_CreatesProvisioningTasksWantedRunning()
    {
        await SetUpAsync();

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = 3 });

        Assert.Equal(3, response.Tasks!.Count);
        Assert.Empty(response.Failures!);
        var stored = await bed.TasksAsync();
        Assert.Equal(3, stored.Count);
        Assert.All(stored, t =>
        {
            Assert.Equal("PROVISIONING", t.LastStatus);
            Assert.Equal("RUNNING", t.DesiredStatus);
            Assert.Equal("family:web", t.Group);
            Assert.Equal(256, t.ReservedCpu);
            Assert.Equal(512, t.ReservedMemory);
            Assert.Equal("us-east-1a", t.AvailabilityZone);
            Assert.Equal("PENDING", Assert.Single(t.Containers).LastStatus);
        });
        var wire = response.Tasks[0];
        Assert.Equal("PROVISIONING", wire.LastStatus);
        Assert.Equal("EC2", wire.LaunchType);
        Assert.Equal(TaskTestBed.Start, wire.CreatedAt);
        Assert.Equal(1, wire.Version);
        Assert.Equal("web", Assert.Single(wire.Overrides!.ContainerOverrides!).Name);
        Assert.Equal("256", wire.Containers![0].Cpu);
        Assert.Equal("512", wire.Containers[0].Memory);
        Assert.StartsWith("arn:aws:ecs:us-east-1:000000000000:container/default/", wire.Containers[0].ContainerArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_Placed_BumpsInstanceOncePerCommit()
    {
        await SetUpAsync();
        var instance = (await bed.State.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, null, CancellationToken.None))[0];

        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = 2 });

        var after = await bed.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, instance.Key);
        Assert.Equal(instance.Version + 1, after.Version);
        Assert.Equal(1, after.Value.PlacementGeneration);
        Assert.Equal(instance.Value.Version + 1, after.Value.Version);
    }

    [Fact]
    public async Task HandleAsync_NotEnoughMemory_ReturnsResourceMemoryFailureAndCreatesNothing()
    {
        await SetUpAsync(memory: 256);

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" });

        Assert.Empty(response.Tasks!);
        var failure = Assert.Single(response.Failures!);
        Assert.Equal("RESOURCE:MEMORY", failure.Reason);
        Assert.Contains(":container-instance/default/", failure.Arn, StringComparison.Ordinal);
        Assert.Empty(await bed.TasksAsync());
    }

    [Fact]
    public async Task HandleAsync_NotEnoughCpu_ReturnsResourceCpuFailure()
    {
        await SetUpAsync(cpu: 128);

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" });

        Assert.Equal("RESOURCE:CPU", Assert.Single(response.Failures!).Reason);
    }

    [Fact]
    public async Task HandleAsync_MoreTasksThanFit_PlacesWhatFitsAndReportsTheRest()
    {
        await SetUpAsync(memory: 1024);

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = 3 });

        Assert.Equal(2, response.Tasks!.Count);
        Assert.Equal("RESOURCE:MEMORY", Assert.Single(response.Failures!).Reason);
        Assert.Equal(2, (await bed.TasksAsync()).Count);
    }

    [Fact]
    public async Task HandleAsync_StaticHostPortTwice_SecondTaskFailsOnPorts()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(containers: TaskTestBed.Web(hostPort: 8080));
        await bed.InstanceAsync();

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = 2 });

        Assert.Single(response.Tasks!);
        Assert.Equal("RESOURCE:PORTS", Assert.Single(response.Failures!).Reason);
        Assert.Equal(["8080/tcp"], (await bed.TasksAsync())[0].ReservedPorts);
    }

    [Fact]
    public async Task HandleAsync_PortReservedByHost_FailsOnPorts()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(containers: TaskTestBed.Web(hostPort: 22));
        await bed.InstanceAsync(reservedPorts: ["22/tcp", "2375/tcp"]);

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" });

        Assert.Equal("RESOURCE:PORTS", Assert.Single(response.Failures!).Reason);
    }

    [Fact]
    public async Task HandleAsync_AgentDisconnected_FailsWithAgent()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.InstanceAsync(connected: false);

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" });

        Assert.Equal("AGENT", Assert.Single(response.Failures!).Reason);
    }

    [Fact]
    public async Task HandleAsync_RequiredAttributeMissing_FailsWithAttribute()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(configure: d => d.RequiresAttributes = [new Protocol.Generated.Ecs.Attribute { Name = "com.amazonaws.ecs.capability.docker-remote-api.1.99" }]);
        await bed.InstanceAsync();

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" });

        Assert.Equal("ATTRIBUTE", Assert.Single(response.Failures!).Reason);
    }

    [Fact]
    public async Task HandleAsync_MemberOfConstraint_PlacesOnlyOnMatchingInstances()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.InstanceAsync(zone: "us-east-1a");
        var b = await bed.InstanceAsync(zone: "us-east-1b");

        var response = await bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            Count = 4,
            PlacementConstraints = [new PlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.availability-zone == us-east-1b" }],
        });

        Assert.Equal(4, response.Tasks!.Count);
        Assert.All(response.Tasks, t => Assert.Equal(b.Arn, t.ContainerInstanceArn));
        Assert.All(response.Tasks, t => Assert.Equal("us-east-1b", t.AvailabilityZone));
    }

    [Fact]
    public async Task HandleAsync_BadConstraintExpression_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            PlacementConstraints = [new PlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.availability-zone ==" }],
        }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_NoInstances_InvalidParameterAsEcsWordsIt()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("No Container Instances were found in your cluster.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    [InlineData(-1)]
    public async Task HandleAsync_CountOutOfRange_InvalidParameterAndNothingCreated(int count)
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = count }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Empty(await bed.TasksAsync());
    }

    [Fact]
    public async Task HandleAsync_UnknownCluster_ClusterNotFound()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest { Cluster = "nope", TaskDefinition = "web" }));

        Assert.Equal("ClusterNotFoundException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_UnknownDefinition_ClientException()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest { TaskDefinition = "other:3" }));

        Assert.Equal("ClientException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_InactiveRevision_ClientExceptionTaskDefinitionIsInactive()
    {
        await SetUpAsync();
        await bed.DefinitionAsync(revision: 2, status: "INACTIVE");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest { TaskDefinition = "web:2" }));

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("TaskDefinition is inactive", error.Message);
    }

    [Fact]
    public async Task HandleAsync_FamilyOnly_RunsLatestActiveRevision()
    {
        await SetUpAsync();
        await bed.DefinitionAsync(revision: 2);
        await bed.DefinitionAsync(revision: 3, status: "INACTIVE");

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" });

        Assert.EndsWith(":task-definition/web:2", response.Tasks![0].TaskDefinitionArn, StringComparison.Ordinal);
    }
}
