using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.ContainerInstances;

public sealed class ContainerInstanceHandlerTests
{
    private readonly EcsTestBed bed = new();

    private async Task<ContainerInstance> DescribeOneAsync(string reference, string cluster = "default") =>
        Assert.Single((await bed.DescribeContainerInstances.HandleAsync(
            new DescribeContainerInstancesRequest { Cluster = cluster, ContainerInstances = [reference] }, EcsTestBed.Context, default)).ContainerInstances!);

    private async Task<List<string>> ListAsync(string? filter = null, string? status = null) =>
        (await bed.ListContainerInstances.HandleAsync(
            new ListContainerInstancesRequest { Filter = filter, Status = status }, EcsTestBed.Context, default)).ContainerInstanceArns!;

    [Fact]
    public async Task RegisterContainerInstance_ApiForm_RecordsInstanceWithoutAgent()
    {
        await bed.CreateClusterAsync();

        var response = await bed.RegisterContainerInstance.HandleAsync(
            new RegisterContainerInstanceRequest
            {
                InstanceIdentityDocument = """{"instanceId":"i-0123456789abcdef0","availabilityZone":"us-east-1b","instanceType":"m5.large"}""",
                TotalResources =
                [
                    new Resource { Name = "CPU", Type = "INTEGER", IntegerValue = 2048 },
                    new Resource { Name = "MEMORY", Type = "INTEGER", IntegerValue = 7680 },
                    new Resource { Name = "PORTS", Type = "STRINGSET", StringSetValue = ["22", "2376"] },
                ],
                VersionInfo = new VersionInfo { AgentVersion = "1.80.0", DockerVersion = "20.10.24" },
                Attributes = [new Protocol.Generated.Ecs.Attribute { Name = "stack", Value = "blue" }],
            },
            EcsTestBed.Context,
            default);

        var instance = response.ContainerInstance!;
        Assert.Equal("i-0123456789abcdef0", instance.Ec2InstanceId);
        Assert.False(instance.AgentConnected);
        Assert.Equal("ACTIVE", instance.Status);
        Assert.Equal(2048, instance.RegisteredResources!.Single(r => r.Name == "CPU").IntegerValue);
        Assert.Equal(["22", "2376"], instance.RegisteredResources!.Single(r => r.Name == "PORTS").StringSetValue!);
        Assert.Contains(instance.Attributes!, a => a.Name == "ecs.availability-zone" && a.Value == "us-east-1b");
        Assert.Contains(instance.Attributes!, a => a.Name == "stack");
        Assert.Equal("1.80.0", instance.VersionInfo!.AgentVersion);
    }

    [Fact]
    public async Task RegisterContainerInstance_WithoutCpuOrMemory_IsInvalidParameter()
    {
        await bed.CreateClusterAsync();

        var error = await EcsTestBed.FailsAsync(async () => await bed.RegisterContainerInstance.HandleAsync(
            new RegisterContainerInstanceRequest { TotalResources = [new Resource { Name = "CPU", IntegerValue = 1024 }] }, EcsTestBed.Context, default));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task Describe_InstanceWithTasks_ReportsRemainingResourcesAndCounts()
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync(cpu: 2048, memory: 4096);
        await bed.AddTaskAsync("default", instance.Arn, "RUNNING", 512, 1024, "8080/tcp");
        await bed.AddTaskAsync("default", instance.Arn, "PENDING", 256, 256);
        await bed.AddTaskAsync("default", instance.Arn, "STOPPED", 1024, 1024, "9090/tcp");
        bed.ConnectAgent(instance);

        var described = await DescribeOneAsync(instance.Id);

        Assert.Equal(1280, described.RemainingResources!.Single(r => r.Name == "CPU").IntegerValue);
        Assert.Equal(2816, described.RemainingResources!.Single(r => r.Name == "MEMORY").IntegerValue);
        Assert.Equal(["22", "2375", "8080"], described.RemainingResources!.Single(r => r.Name == "PORTS").StringSetValue!);
        Assert.Equal(1, described.RunningTasksCount);
        Assert.Equal(1, described.PendingTasksCount);
        Assert.Equal("20.10.24", described.VersionInfo!.DockerVersion);
        Assert.True(described.AgentConnected);
    }

    [Fact]
    public async Task Describe_UnknownInstance_IsMissingFailure()
    {
        await bed.CreateClusterAsync();
        var unknown = new string('a', 32);

        var response = await bed.DescribeContainerInstances.HandleAsync(
            new DescribeContainerInstancesRequest { ContainerInstances = [unknown] }, EcsTestBed.Context, default);

        Assert.Empty(response.ContainerInstances!);
        Assert.Equal(("MISSING", EcsTestBed.Prefix + "container-instance/default/" + unknown), (response.Failures![0].Reason, response.Failures[0].Arn));
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000:container-instance/other/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Describe_BadIdOrArnOfAnotherCluster_IsInvalidParameter(string reference)
    {
        await bed.CreateClusterAsync();

        var error = await EcsTestBed.FailsAsync(() => DescribeOneAsync(reference));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task List_StatusAndFilter_NarrowTheInstances()
    {
        await bed.CreateClusterAsync();
        var a = await bed.AddInstanceAsync(zone: "us-east-1a");
        var b = await bed.AddInstanceAsync(zone: "us-east-1b");
        var draining = await bed.AddInstanceAsync(zone: "us-east-1b", status: "DRAINING");
        await bed.AddInstanceAsync(status: "INACTIVE");

        Assert.Equal([a.Arn, b.Arn, draining.Arn], await ListAsync());
        Assert.Equal([draining.Arn], await ListAsync(status: "DRAINING"));
        Assert.Equal([b.Arn, draining.Arn], await ListAsync(filter: "attribute:ecs.availability-zone == us-east-1b"));
        Assert.Equal([a.Arn], await ListAsync(filter: "attribute:ecs.availability-zone in [us-east-1a, eu-west-1a]"));
    }

    [Fact]
    public async Task List_FilterThatDoesNotParse_IsInvalidParameter()
    {
        await bed.CreateClusterAsync();

        var error = await EcsTestBed.FailsAsync(() => ListAsync(filter: "attribute:ecs.os-type =="));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task UpdateState_DrainThenActivate_ChangesStatusAndVersion()
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();

        var drained = await bed.UpdateContainerInstancesState.HandleAsync(
            new UpdateContainerInstancesStateRequest { ContainerInstances = [instance.Arn], Status = "DRAINING" }, EcsTestBed.Context, default);
        var activated = await bed.UpdateContainerInstancesState.HandleAsync(
            new UpdateContainerInstancesStateRequest { ContainerInstances = [instance.Id], Status = "ACTIVE" }, EcsTestBed.Context, default);

        Assert.Equal(("DRAINING", 2L), (drained.ContainerInstances![0].Status, drained.ContainerInstances[0].Version));
        Assert.Equal(("ACTIVE", 3L), (activated.ContainerInstances![0].Status, activated.ContainerInstances[0].Version));
    }

    [Fact]
    public async Task UpdateState_InactiveOrUnknownInstance_IsFailure()
    {
        await bed.CreateClusterAsync();
        var inactive = await bed.AddInstanceAsync(status: "INACTIVE");

        var response = await bed.UpdateContainerInstancesState.HandleAsync(
            new UpdateContainerInstancesStateRequest { ContainerInstances = [inactive.Arn, new string('b', 32)], Status = "DRAINING" },
            EcsTestBed.Context,
            default);

        Assert.Empty(response.ContainerInstances!);
        Assert.Equal(2, response.Failures!.Count);
        Assert.Equal("INACTIVE", (await bed.Instances.FindAsync(inactive.Arn, (await bed.Clusters.ResolveAsync(null, default)).Value, default))!.Value.Status);
    }

    [Theory]
    [InlineData("INACTIVE")]
    [InlineData("REGISTERING")]
    [InlineData("paused")]
    public async Task UpdateState_StatusOtherThanActiveOrDraining_IsInvalidParameter(string status)
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();

        var error = await EcsTestBed.FailsAsync(async () => await bed.UpdateContainerInstancesState.HandleAsync(
            new UpdateContainerInstancesStateRequest { ContainerInstances = [instance.Arn], Status = status }, EcsTestBed.Context, default));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task Deregister_InstanceWithRunningTask_IsRefusedUnlessForced()
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();
        var task = await bed.AddTaskAsync("default", instance.Arn, "RUNNING");

        var error = await EcsTestBed.FailsAsync(async () => await bed.DeregisterContainerInstance.HandleAsync(
            new DeregisterContainerInstanceRequest { ContainerInstance = instance.Arn }, EcsTestBed.Context, default));
        var forced = await bed.DeregisterContainerInstance.HandleAsync(
            new DeregisterContainerInstanceRequest { ContainerInstance = instance.Arn, Force = true }, EcsTestBed.Context, default);

        Assert.Equal(("InvalidParameterException", "Found running tasks on the instance."), (error.Code, error.Message));
        Assert.Equal("INACTIVE", forced.ContainerInstance!.Status);
        Assert.Equal("RUNNING", (await bed.State.GetAsync<Core.Model.TaskRecord>("task", task.Arn, default))!.Value.LastStatus);
        Assert.DoesNotContain(instance.Arn, await ListAsync());
        Assert.Equal("INACTIVE", (await DescribeOneAsync(instance.Arn)).Status);
    }

    [Fact]
    public async Task Deregister_InstanceWithOnlyStoppedTasks_BecomesInactive()
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();
        await bed.AddTaskAsync("default", instance.Arn, "STOPPED");

        var response = await bed.DeregisterContainerInstance.HandleAsync(
            new DeregisterContainerInstanceRequest { ContainerInstance = instance.Id }, EcsTestBed.Context, default);

        Assert.Equal("INACTIVE", response.ContainerInstance!.Status);
    }
}
