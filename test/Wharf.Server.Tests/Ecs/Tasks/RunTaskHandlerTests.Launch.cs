using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

public sealed partial class RunTaskHandlerTests
{
    [Fact]
    public async Task HandleAsync_Overrides_AppliedToReservationAndEchoed()
    {
        await SetUpAsync();

        var response = await bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            Overrides = new TaskOverride
            {
                ContainerOverrides = [new ContainerOverride { Name = "web", Memory = 1024, Command = ["httpd", "-f"], Environment = [new Protocol.Generated.Ecs.KeyValuePair { Name = "A", Value = "1" }] }],
            },
        });

        var task = Assert.Single(await bed.TasksAsync());
        Assert.Equal(1024, task.ReservedMemory);
        Assert.Equal("1024", task.Containers[0].Memory);
        var echoed = Assert.Single(response.Tasks![0].Overrides!.ContainerOverrides!);
        Assert.Equal(["httpd", "-f"], echoed.Command);
        Assert.Equal("1", echoed.Environment![0].Value);
    }

    [Fact]
    public async Task HandleAsync_TaskLevelOverrides_SetTaskCpuAndMemory()
    {
        await SetUpAsync();

        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Overrides = new TaskOverride { Cpu = "1 vCPU", Memory = "2048" } });

        var task = Assert.Single(await bed.TasksAsync());
        Assert.Equal("1024", task.Cpu);
        Assert.Equal("2048", task.Memory);
        Assert.Equal(1024, task.ReservedCpu);
        Assert.Equal(2048, task.ReservedMemory);
    }

    [Fact]
    public async Task HandleAsync_OverrideOfUnknownContainer_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            Overrides = new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "db", Memory = 64 }] },
        }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("Override for container named db is not a container in the TaskDefinition.", error.Message);
    }

    [Fact]
    public async Task HandleAsync_OverrideBelowReservation_InvalidParameter()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(containers: TaskTestBed.Web(memory: null, reservation: 256));
        await bed.InstanceAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            Overrides = new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "web", Memory = 128 }] },
        }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_StartedByAndGroup_KeptOnTasks()
    {
        await SetUpAsync();
        var startedBy = new string('a', 128);

        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", StartedBy = startedBy, Group = "batch" });

        var task = Assert.Single(await bed.TasksAsync());
        Assert.Equal(startedBy, task.StartedBy);
        Assert.Equal("batch", task.Group);
    }

    [Theory]
    [InlineData(129)]
    [InlineData(0)]
    public async Task HandleAsync_BadStartedBy_InvalidParameter(int length)
    {
        await SetUpAsync();
        var startedBy = length == 0 ? "job 1" : new string('a', length);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", StartedBy = startedBy }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_Fargate_RefusedForAnEc2Definition()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(configure: d => d.Compatibilities = ["EC2"]);
        await bed.InstanceAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", LaunchType = "FARGATE" }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("Task definition does not support launch_type FARGATE.", error.Message);
    }

    [Fact]
    public async Task HandleAsync_External_RunsOnInstancesWithThatLaunchType()
    {
        await SetUpAsync();

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", LaunchType = "EXTERNAL" });

        Assert.Equal("EXTERNAL", response.Tasks![0].LaunchType);
    }

    [Fact]
    public async Task HandleAsync_LaunchTypeAndCapacityProviders_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            LaunchType = "EC2",
            CapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "cp" }],
        }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_TagsPropagatedAndManaged_StoredOnEachTask()
    {
        await SetUpAsync();
        var definitionArn = bed.Arns.TaskDefinitionArn("web", 1);
        await bed.PutAsync(StateKinds.Tags, definitionArn, "", new TagSet { ResourceArn = definitionArn, Tags = [new("team", "a"), new("tier", "web")] });

        var response = await bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            PropagateTags = "TASK_DEFINITION",
            EnableECSManagedTags = true,
            Tags = [new Tag { Key = "team", Value = "b" }],
        });

        var tags = await bed.GetAsync<TagSet>(StateKinds.Tags, response.Tasks![0].TaskArn!);
        Assert.Equal(
            [new TagRecord("tier", "web"), new TagRecord("team", "b"), new TagRecord("aws:ecs:clusterName", "default")],
            tags.Value.Tags);
        Assert.Equal(3, response.Tasks[0].Tags!.Count);
    }

    [Fact]
    public async Task HandleAsync_PropagateFromService_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", PropagateTags = "SERVICE" }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_ReservedTagPrefix_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Tags = [new Tag { Key = "aws:x", Value = "1" }] }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_NetworkConfigurationForBridge_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-1"] } },
        }));

        Assert.Equal("Network Configuration is not valid for the given networkMode of this task definition.", error.Message);
    }
}
