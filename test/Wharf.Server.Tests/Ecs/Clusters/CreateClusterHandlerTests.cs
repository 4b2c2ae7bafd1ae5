using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Clusters;

public sealed class CreateClusterHandlerTests
{
    private readonly EcsTestBed bed = new();

    [Fact]
    public async Task HandleAsync_NewName_ReturnsActiveEmptyClusterWithInsightsDisabled()
    {
        var cluster = await bed.CreateClusterAsync("stage01");

        Assert.Equal(EcsTestBed.Prefix + "cluster/stage01", cluster.ClusterArn);
        Assert.Equal("stage01", cluster.ClusterName);
        Assert.Equal("ACTIVE", cluster.Status);
        Assert.Equal(0, cluster.RegisteredContainerInstancesCount);
        Assert.Equal(0, cluster.RunningTasksCount);
        Assert.Equal(0, cluster.PendingTasksCount);
        Assert.Equal(0, cluster.ActiveServicesCount);
        var setting = Assert.Single(cluster.Settings!);
        Assert.Equal(("containerInsights", "disabled"), (setting.Name, setting.Value));
        Assert.Empty(cluster.CapacityProviders!);
        Assert.Empty(cluster.DefaultCapacityProviderStrategy!);
    }

    [Fact]
    public async Task HandleAsync_NoName_CreatesDefault()
    {
        var response = await bed.CreateCluster.HandleAsync(new CreateClusterRequest(), EcsTestBed.Context, default);

        Assert.Equal("default", response.Cluster!.ClusterName);
    }

    [Fact]
    public async Task HandleAsync_ExistingActiveName_ReturnsItUnchanged()
    {
        await bed.CreateClusterAsync("prod", [new Tag { Key = "team", Value = "a" }]);
        var commits = bed.Store.Commits;

        var again = await bed.CreateCluster.HandleAsync(
            new CreateClusterRequest { ClusterName = "prod", Tags = [new Tag { Key = "team", Value = "b" }] }, EcsTestBed.Context, default);

        Assert.Equal("ACTIVE", again.Cluster!.Status);
        Assert.Equal("a", Assert.Single(again.Cluster.Tags!).Value);
        Assert.Equal(commits, bed.Store.Commits);
    }

    [Fact]
    public async Task HandleAsync_NameOfDeletedCluster_CreatesFreshClusterWithoutOldTags()
    {
        await bed.CreateClusterAsync("temp", [new Tag { Key = "old", Value = "1" }]);
        await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "temp" }, EcsTestBed.Context, default);

        var cluster = await bed.CreateClusterAsync("temp", [new Tag { Key = "new", Value = "2" }]);

        Assert.Equal("ACTIVE", cluster.Status);
        Assert.Equal("new", Assert.Single(cluster.Tags!).Key);
    }

    [Fact]
    public async Task HandleAsync_SettingsConfigurationAndCapacityProviders_AreStoredAndReturned()
    {
        var response = await bed.CreateCluster.HandleAsync(
            new CreateClusterRequest
            {
                ClusterName = "insights",
                Settings = [new ClusterSetting { Name = "containerInsights", Value = "enabled" }],
                Configuration = new ClusterConfiguration
                {
                    ExecuteCommandConfiguration = new ExecuteCommandConfiguration { Logging = "DEFAULT" },
                },
                CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
                DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1, Base = 1 }],
            },
            EcsTestBed.Context,
            default);

        var described = (await bed.DescribeClusters.HandleAsync(
            new DescribeClustersRequest { Clusters = ["insights"], Include = ["SETTINGS", "CONFIGURATIONS"] }, EcsTestBed.Context, default)).Clusters!.Single();
        Assert.Equal("enabled", Assert.Single(response.Cluster!.Settings!).Value);
        Assert.Equal("enabled", Assert.Single(described.Settings!).Value);
        Assert.Equal("DEFAULT", described.Configuration!.ExecuteCommandConfiguration!.Logging);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], described.CapacityProviders!);
        Assert.Equal(1, Assert.Single(described.DefaultCapacityProviderStrategy!).Base);
    }

    public static TheoryData<CreateClusterRequest> InvalidRequests => new()
    {
        new CreateClusterRequest { ClusterName = "has space" },
        new CreateClusterRequest { ClusterName = new string('c', 256) },
        new CreateClusterRequest { ClusterName = "c", Settings = [new ClusterSetting { Name = "containerInsights", Value = "sometimes" }] },
        new CreateClusterRequest { ClusterName = "c", Settings = [new ClusterSetting { Name = "turbo", Value = "enabled" }] },
        new CreateClusterRequest { ClusterName = "c", Tags = [new Tag { Key = "aws:reserved", Value = "x" }] },
        new CreateClusterRequest
        {
            ClusterName = "c",
            CapacityProviders = ["FARGATE"],
            DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 1 }],
        },
        new CreateClusterRequest
        {
            ClusterName = "c",
            CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
            DefaultCapacityProviderStrategy =
            [
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 1 },
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Base = 2 },
            ],
        },
        new CreateClusterRequest
        {
            ClusterName = "c",
            CapacityProviders = ["FARGATE"],
            DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1001 }],
        },
        new CreateClusterRequest
        {
            ClusterName = "c",
            Configuration = new ClusterConfiguration { ExecuteCommandConfiguration = new ExecuteCommandConfiguration { Logging = "OVERRIDE" } },
        },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task HandleAsync_InvalidRequest_IsInvalidParameterAndStoresNothing(CreateClusterRequest request)
    {
        var error = await EcsTestBed.FailsAsync(async () => await bed.CreateCluster.HandleAsync(request, EcsTestBed.Context, default));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(0, bed.Store.Commits);
    }
}
