using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Tasks;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

/// <summary>
/// RunTask with the FARGATE launch type and with capacity provider strategies: the tasks go to
/// Wharf's Fargate pool, never to the cluster's own instances, and are split by base and weight.
/// </summary>
public sealed partial class RunTaskHandlerTests
{
    private async Task<ContainerInstanceRecord> FargateSetUpAsync(bool pool = true, bool ec2Instance = true)
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(configure: d =>
        {
            d.NetworkMode = "awsvpc";
            d.Compatibilities = ["EC2", "FARGATE"];
            d.Cpu = "256";
            d.Memory = "512";
        }, containers: TaskTestBed.Web(cpu: null, memory: null, hostPort: null));
        if (ec2Instance)
        {
            await bed.InstanceAsync();
        }

        return pool ? await bed.InstanceAsync(cluster: FargateCapacity.PoolName) : null!;
    }

    [Fact]
    public async Task HandleAsync_Fargate_RunsOnThePoolAndHidesTheHost()
    {
        var pool = await FargateSetUpAsync();

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", LaunchType = "FARGATE", Count = 2, NetworkConfiguration = Vpc() });

        Assert.Empty(response.Failures!);
        Assert.All(await bed.TasksAsync(), t => Assert.Equal(pool.Arn, t.ContainerInstanceArn));
        Assert.All(response.Tasks!, t =>
        {
            Assert.Null(t.ContainerInstanceArn);
            Assert.Equal("FARGATE", t.LaunchType);
            Assert.Null(t.CapacityProviderName);
            Assert.Equal("1.4.0", t.PlatformVersion);
            Assert.Equal("Linux", t.PlatformFamily);
            Assert.Equal(20, t.EphemeralStorage!.SizeInGiB);
            Assert.Equal("ElasticNetworkInterface", Assert.Single(t.Attachments!).Type);
        });
    }

    [Fact]
    public async Task HandleAsync_Ec2_NeverGoesToThePool()
    {
        await FargateSetUpAsync(ec2Instance: false);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => RunVpcAsync(Vpc()));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("No Container Instances were found in your cluster.", error.Message);
    }

    [Fact]
    public async Task HandleAsync_FargateWithoutCapacity_FailsForCapacity()
    {
        await FargateSetUpAsync(pool: false);

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", LaunchType = "FARGATE", NetworkConfiguration = Vpc() });

        Assert.Empty(response.Tasks!);
        Assert.Equal(TaskErrors.FargateCapacityUnavailable, Assert.Single(response.Failures!).Reason);
        Assert.Empty(await bed.TasksAsync());
    }

    [Fact]
    public async Task HandleAsync_FargatePublicIp_Accepted()
    {
        await FargateSetUpAsync();

        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", LaunchType = "FARGATE", NetworkConfiguration = Vpc(assign: "ENABLED") });

        Assert.Single(await bed.TasksAsync());
    }

    [Fact]
    public async Task HandleAsync_Strategy_SplitsByBaseThenWeight()
    {
        await FargateSetUpAsync();
        await bed.AssociateAsync(["FARGATE", "FARGATE_SPOT"]);

        var response = await bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            Count = 5,
            NetworkConfiguration = Vpc(),
            CapacityProviderStrategy =
            [
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 2, Weight = 1 },
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 2 },
            ],
        });

        Assert.Equal(["FARGATE", "FARGATE", "FARGATE", "FARGATE_SPOT", "FARGATE_SPOT"], response.Tasks!.Select(t => t.CapacityProviderName).Order());
        Assert.All(response.Tasks!, t => Assert.Equal("FARGATE", t.LaunchType));
    }

    [Fact]
    public async Task HandleAsync_NoLaunchType_UsesTheClustersDefaultStrategy()
    {
        await FargateSetUpAsync();
        await bed.AssociateAsync(["FARGATE_SPOT"], defaultProvider: "FARGATE_SPOT");

        var response = await RunVpcAsync(Vpc());

        Assert.Equal("FARGATE_SPOT", Assert.Single(response.Tasks!).CapacityProviderName);
    }

    [Fact]
    public async Task HandleAsync_StrategyNotAssociated_RefusedAndNothingStarted()
    {
        await FargateSetUpAsync();
        await bed.AssociateAsync(["FARGATE"]);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            NetworkConfiguration = Vpc(),
            CapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 1 }],
        }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.StartsWith("The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster", error.Message, StringComparison.Ordinal);
        Assert.Empty(await bed.TasksAsync());
    }

    [Fact]
    public async Task HandleAsync_StrategyOfAnotherProvider_UnsupportedFeature()
    {
        await FargateSetUpAsync();
        await bed.AssociateAsync(["my-asg-provider"]);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            NetworkConfiguration = Vpc(),
            CapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "my-asg-provider", Weight = 1 }],
        }));

        Assert.Equal("UnsupportedFeatureException", error.Code);
        Assert.Empty(await bed.TasksAsync());
    }

    [Theory]
    [InlineData(null, "1.4.0")]
    [InlineData("LATEST", "1.4.0")]
    [InlineData("1.3.0", "1.3.0")]
    public async Task HandleAsync_FargatePlatformVersion_TaskRunsOnTheOneAsked(string? asked, string expected)
    {
        await FargateSetUpAsync();

        var response = await bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web", LaunchType = "FARGATE", PlatformVersion = asked, NetworkConfiguration = Vpc(),
        });

        Assert.Equal(expected, Assert.Single(response.Tasks!).PlatformVersion);
    }

    [Theory]
    [InlineData("EC2", "LATEST", "The platform version must be null when specifying an EC2 launch type.")]
    [InlineData("FARGATE", "9.9.9", "The specified platform version 9.9.9 does not exist.")]
    public async Task HandleAsync_BadPlatformVersion_RefusedAndNothingStarted(string launchType, string version, string message)
    {
        await FargateSetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web", LaunchType = launchType, PlatformVersion = version, NetworkConfiguration = Vpc(),
        }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(message, error.Message);
        Assert.Empty(await bed.TasksAsync());
    }

    [Fact]
    public async Task StartTask_ClusterDefaultStrategy_StillStartsOnTheNamedInstance()
    {
        await FargateSetUpAsync(ec2Instance: false);
        var instance = await bed.InstanceAsync();
        await bed.AssociateAsync(["FARGATE"], defaultProvider: "FARGATE");

        var response = await bed.StartTask.HandleAsync(
            new StartTaskRequest { TaskDefinition = "web", ContainerInstances = [instance.Arn], NetworkConfiguration = Vpc() },
            TaskTestBed.Context,
            CancellationToken.None);

        var task = Assert.Single(response.Tasks!);
        Assert.Equal(("EC2", instance.Arn), (task.LaunchType, task.ContainerInstanceArn));
    }
}

