using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

public sealed class RunTaskHandlerTests
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

    [Fact]
    public async Task HandleAsync_SameClientTokenAndParameters_ReturnsSameTasksWithoutNewOnes()
    {
        await SetUpAsync();
        var request = new RunTaskRequest { TaskDefinition = "web", Count = 2, ClientToken = "token-1" };

        var first = await bed.RunAsync(request);
        var second = await bed.RunAsync(new RunTaskRequest { Cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/default", TaskDefinition = "web", Count = 2, ClientToken = "token-1" });

        Assert.Equal(first.Tasks!.Select(t => t.TaskArn), second.Tasks!.Select(t => t.TaskArn));
        Assert.Equal(2, (await bed.TasksAsync()).Count);
    }

    [Fact]
    public async Task HandleAsync_SameClientTokenOtherParameters_ConflictException()
    {
        await SetUpAsync();
        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "token-1" });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = 2, ClientToken = "token-1" }));

        Assert.Equal("ConflictException", error.Code);
        Assert.Single(await bed.TasksAsync());
    }

    [Fact]
    public async Task HandleAsync_ClientTokenOlderThanADay_StartsNewTasks()
    {
        await SetUpAsync();
        var first = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "token-1" });
        bed.Time.Advance(TimeSpan.FromHours(25));

        var second = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = 2, ClientToken = "token-1" });

        Assert.Equal(2, second.Tasks!.Count);
        Assert.DoesNotContain(first.Tasks![0].TaskArn, second.Tasks.Select(t => t.TaskArn));
        Assert.Equal(3, (await bed.TasksAsync()).Count);
    }

    [Fact]
    public async Task HandleAsync_SameClientTokenInAnotherCluster_Independent()
    {
        await SetUpAsync();
        await bed.ClusterAsync("other");
        await bed.InstanceAsync(cluster: "other");
        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "token-1" });

        var response = await bed.RunAsync(new RunTaskRequest { Cluster = "other", TaskDefinition = "web", Count = 2, ClientToken = "token-1" });

        Assert.Equal(2, response.Tasks!.Count);
    }

    [Fact]
    public async Task HandleAsync_ClientTokenWithSpace_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "has space" }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

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
    public async Task HandleAsync_FargateDefinition_UnsupportedFeature()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(configure: d =>
        {
            d.Compatibilities = ["EC2", "FARGATE"];
            d.NetworkMode = "awsvpc";
        });
        await bed.InstanceAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            LaunchType = "FARGATE",
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-1"] } },
        }));

        Assert.Equal("UnsupportedFeatureException", error.Code);
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
