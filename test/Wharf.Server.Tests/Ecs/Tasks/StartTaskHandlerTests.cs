using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

public sealed class StartTaskHandlerTests
{
    private readonly TaskTestBed bed = new();

    private ValueTask<StartTaskResponse> StartAsync(StartTaskRequest request) =>
        bed.StartTask.HandleAsync(request, TaskTestBed.Context, CancellationToken.None);

    [Fact]
    public async Task HandleAsync_NamedInstances_OneTaskOnEach()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        var a = await bed.InstanceAsync();
        var b = await bed.InstanceAsync();

        var response = await StartAsync(new StartTaskRequest { TaskDefinition = "web:1", ContainerInstances = [a.Id, b.Arn] });

        Assert.Equal([a.Arn, b.Arn], response.Tasks!.Select(t => t.ContainerInstanceArn));
        Assert.Empty(response.Failures!);
        Assert.Equal(2, (await bed.TasksAsync()).Count);
    }

    [Fact]
    public async Task HandleAsync_UnknownInactiveAndDisconnected_FailuresWithEcsReasons()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        var inactive = await bed.InstanceAsync(status: "INACTIVE");
        var disconnected = await bed.InstanceAsync(connected: false);
        var missing = new string('a', 32);

        var response = await StartAsync(new StartTaskRequest { TaskDefinition = "web", ContainerInstances = [missing, inactive.Id, disconnected.Id] });

        Assert.Empty(response.Tasks!);
        Assert.Equal(["MISSING", "INACTIVE", "AGENT"], response.Failures!.Select(f => f.Reason));
        Assert.Equal(bed.Arns.ContainerInstanceArn("default", missing), response.Failures![0].Arn);
    }

    [Fact]
    public async Task HandleAsync_InstanceFull_ResourceFailure()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        var small = await bed.InstanceAsync(memory: 100);

        var response = await StartAsync(new StartTaskRequest { TaskDefinition = "web", ContainerInstances = [small.Id] });

        Assert.Equal("RESOURCE:MEMORY", Assert.Single(response.Failures!).Reason);
    }

    [Fact]
    public async Task HandleAsync_SameInstanceTwiceWithStaticPort_SecondFailsOnPorts()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(containers: TaskTestBed.Web(hostPort: 8080));
        var instance = await bed.InstanceAsync();

        var response = await StartAsync(new StartTaskRequest { TaskDefinition = "web", ContainerInstances = [instance.Id, instance.Id] });

        Assert.Single(response.Tasks!);
        Assert.Equal("RESOURCE:PORTS", Assert.Single(response.Failures!).Reason);
    }

    [Fact]
    public async Task HandleAsync_DefinitionConstraintNotMatched_StillStarts()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(configure: d => d.PlacementConstraints = [new TaskDefinitionPlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.instance-type == m5.large" }]);
        var instance = await bed.InstanceAsync();

        var response = await StartAsync(new StartTaskRequest { TaskDefinition = "web", ContainerInstances = [instance.Id] });

        Assert.Single(response.Tasks!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task HandleAsync_InstanceCountOutOfRange_InvalidParameter(int count)
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        var instance = await bed.InstanceAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            StartAsync(new StartTaskRequest { TaskDefinition = "web", ContainerInstances = Enumerable.Repeat(instance.Id, count).ToList() }).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Empty(await bed.TasksAsync());
    }

    [Fact]
    public async Task HandleAsync_StartedByLongerThan36_InvalidParameter()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        var instance = await bed.InstanceAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            StartAsync(new StartTaskRequest { TaskDefinition = "web", ContainerInstances = [instance.Id], StartedBy = new string('x', 37) }).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_InstanceOfAnotherCluster_InvalidParameter()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.InstanceAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => StartAsync(new StartTaskRequest
        {
            TaskDefinition = "web",
            ContainerInstances = [bed.Arns.ContainerInstanceArn("other", new string('b', 32))],
        }).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }
}
