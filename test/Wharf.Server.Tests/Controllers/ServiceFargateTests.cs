using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ec2;
using Wharf.Server.Tests.Ecs.Services;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

/// <summary>
/// Services on Wharf's Fargate capacity: a capacity provider strategy places every task in the
/// Fargate pool, split by base and weight (scale-out keeps the split), and the service shows the
/// strategy instead of a launch type; the cluster's own instances never get its tasks.
/// </summary>
public sealed class ServiceFargateTests
{
    private readonly ServiceTestBed bed = new();
    private ContainerInstanceRecord pool = null!;

    private async Task SetUpAsync(params string[] providers)
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.AssociateAsync(providers);
        await bed.Tasks.DefinitionAsync(configure: d =>
        {
            d.NetworkMode = "awsvpc";
            d.Compatibilities = ["EC2", "FARGATE"];
            d.Cpu = "256";
            d.Memory = "512";
        }, containers: Ecs.Tasks.TaskTestBed.Web(cpu: null, memory: null, hostPort: null));
        await bed.Tasks.InstanceAsync();
        pool = await bed.Tasks.InstanceAsync(cluster: FargateCapacity.PoolName, cpu: 8192, memory: 16384);
    }

    private Task<Service> CreateAsync(
        int? desired, List<CapacityProviderStrategyItem>? strategy, string? launchType = null, string? platformVersion = null, string? scheduling = null) =>
        bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web:1",
            DesiredCount = desired,
            LaunchType = launchType,
            PlatformVersion = platformVersion,
            SchedulingStrategy = scheduling,
            CapacityProviderStrategy = strategy,
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [DefaultNetwork.SubnetId("us-east-1a")], AssignPublicIp = launchType == "FARGATE" || strategy is not null ? "ENABLED" : null },
            },
        });

    private static List<CapacityProviderStrategyItem> BaseOneThenEven() =>
    [
        new() { CapacityProvider = "FARGATE", Base = 1, Weight = 1 },
        new() { CapacityProvider = "FARGATE_SPOT", Weight = 1 },
    ];

    [Fact]
    public async Task Strategy_TasksGoToThePool_SplitByBaseAndWeight_ScaleOutKeepsTheSplit()
    {
        await SetUpAsync("FARGATE", "FARGATE_SPOT");

        var created = await CreateAsync(3, BaseOneThenEven());
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();

        Assert.Null(created.LaunchType);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], created.CapacityProviderStrategy!.Select(s => s.CapacityProvider));
        Assert.Equal([1, 0], created.CapacityProviderStrategy!.Select(s => s.Base));
        Assert.Equal("LATEST", created.PlatformVersion);
        Assert.Equal("ENABLED", created.NetworkConfiguration!.AwsvpcConfiguration!.AssignPublicIp);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], created.Deployments![0].CapacityProviderStrategy!.Select(s => s.CapacityProvider));
        var tasks = await bed.LiveTasksAsync();
        Assert.All(tasks, t => Assert.Equal(pool.Arn, t.ContainerInstanceArn));
        Assert.All(tasks, t => Assert.Equal("FARGATE", t.LaunchType));
        Assert.Equal(["FARGATE", "FARGATE", "FARGATE_SPOT"], tasks.Select(t => t.CapacityProviderName).Order());

        await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", DesiredCount = 5 });
        await bed.SettleAsync();

        Assert.Equal(
            ["FARGATE", "FARGATE", "FARGATE", "FARGATE_SPOT", "FARGATE_SPOT"],
            (await bed.LiveTasksAsync()).Select(t => t.CapacityProviderName).Order());
    }

    [Fact]
    public async Task LaunchTypeFargate_ShowsTheLaunchTypeAndRunsInThePool()
    {
        await SetUpAsync();

        var created = await CreateAsync(2, null, "FARGATE");
        await bed.SettleAsync();

        Assert.Equal("FARGATE", created.LaunchType);
        Assert.Null(created.CapacityProviderStrategy);
        Assert.All(await bed.LiveTasksAsync(), t =>
        {
            Assert.Equal(pool.Arn, t.ContainerInstanceArn);
            Assert.Null(t.CapacityProviderName);
        });
    }

    [Fact]
    public async Task StrategyNotAssociated_RefusedAndNothingCreated()
    {
        await SetUpAsync("FARGATE");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CreateAsync(1, BaseOneThenEven()));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Empty(await bed.Tasks.State.ListAsync<ServiceRecord>(StateKinds.Service, null, CancellationToken.None));
    }

    [Fact]
    public async Task Ec2Service_NeverPlacedInThePool()
    {
        await SetUpAsync();

        await CreateAsync(3, null, "EC2");
        await bed.SettleAsync();

        Assert.All(await bed.LiveTasksAsync(), t => Assert.NotEqual(pool.Arn, t.ContainerInstanceArn));
    }

    [Fact]
    public async Task PlatformVersion_KeptAsAsked_UpdateStartsADeployment()
    {
        await SetUpAsync();
        var created = await CreateAsync(1, null, "FARGATE", platformVersion: "1.3.0");
        await bed.SettleAsync();

        Assert.Equal("1.3.0", created.PlatformVersion);
        Assert.Equal("1.3.0", Assert.Single(await bed.LiveTasksAsync()).PlatformVersion);

        var updated = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", PlatformVersion = "LATEST" });

        Assert.Equal("LATEST", updated.PlatformVersion);
        Assert.Equal(2, updated.Deployments!.Count);
        Assert.Equal("LATEST", updated.Deployments[0].PlatformVersion);
    }

    [Fact]
    public async Task NewStrategy_SplitsTheNewDeploymentsTasksByItself()
    {
        await SetUpAsync("FARGATE", "FARGATE_SPOT");
        await CreateAsync(4, BaseOneThenEven());
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();

        var updated = await bed.UpdateAsync(new UpdateServiceRequest
        {
            Service = "web",
            ForceNewDeployment = true,
            CapacityProviderStrategy =
            [
                new() { CapacityProvider = "FARGATE", Base = 1, Weight = 1 },
                new() { CapacityProvider = "FARGATE_SPOT", Weight = 3 },
            ],
        });
        for (var i = 0; i < 6; i++)
        {
            await bed.SettleAsync();
            await bed.AgentsCatchUpAsync();
        }

        var primary = updated.Deployments![0].Id;
        var tasks = (await bed.LiveTasksAsync()).Where(t => t.DeploymentId == primary).ToList();
        Assert.Equal(["FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT"], tasks.Select(t => t.CapacityProviderName).Order());
    }

    [Fact]
    public async Task Daemon_OnAClusterWithADefaultStrategy_RunsOnTheClustersInstances()
    {
        await SetUpAsync("FARGATE");
        await bed.Tasks.AssociateAsync(["FARGATE"], defaultProvider: "FARGATE");

        var created = await CreateAsync(null, null, scheduling: "DAEMON");
        await bed.SettleAsync();

        Assert.Equal("EC2", created.LaunchType);
        var task = Assert.Single(await bed.LiveTasksAsync());
        Assert.NotEqual(pool.Arn, task.ContainerInstanceArn);
    }
}

