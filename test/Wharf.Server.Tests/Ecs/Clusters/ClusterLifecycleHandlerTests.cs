using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Clusters;

/// <summary>ListClusters, DeleteCluster and the update operations.</summary>
public sealed class ClusterLifecycleHandlerTests
{
    private readonly EcsTestBed bed = new();

    [Fact]
    public async Task ListClusters_Paged_ListsActiveClustersByNameOnce()
    {
        foreach (var name in new[] { "c", "a", "e", "b", "d" })
        {
            await bed.CreateClusterAsync(name);
        }

        await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "d" }, EcsTestBed.Context, default);

        var first = await bed.ListClusters.HandleAsync(new ListClustersRequest { MaxResults = 2 }, EcsTestBed.Context, default);
        var second = await bed.ListClusters.HandleAsync(new ListClustersRequest { MaxResults = 2, NextToken = first.NextToken }, EcsTestBed.Context, default);

        Assert.Equal([EcsTestBed.Prefix + "cluster/a", EcsTestBed.Prefix + "cluster/b"], first.ClusterArns!);
        Assert.Equal([EcsTestBed.Prefix + "cluster/c", EcsTestBed.Prefix + "cluster/e"], second.ClusterArns!);
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async Task ListClusters_GarbageToken_IsInvalidParameter()
    {
        var error = await EcsTestBed.FailsAsync(async () =>
            await bed.ListClusters.HandleAsync(new ListClustersRequest { NextToken = "garbage" }, EcsTestBed.Context, default));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task DeleteCluster_Empty_BecomesInactive()
    {
        await bed.CreateClusterAsync("empty");

        var response = await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "empty" }, EcsTestBed.Context, default);

        Assert.Equal("INACTIVE", response.Cluster!.Status);
    }

    [Fact]
    public async Task DeleteCluster_WithRegisteredInstance_IsRefusedAndStaysActive()
    {
        await bed.CreateClusterAsync("hosts");
        await bed.AddInstanceAsync("hosts");

        var error = await EcsTestBed.FailsAsync(async () =>
            await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "hosts" }, EcsTestBed.Context, default));

        Assert.Equal("ClusterContainsContainerInstancesException", error.Code);
        Assert.Equal("ACTIVE", (await bed.Clusters.FindAsync("hosts", default))!.Value.Status);
    }

    [Fact]
    public async Task DeleteCluster_WithActiveService_IsRefused()
    {
        await bed.CreateClusterAsync("svc");
        await bed.AddServiceAsync("svc", "web");

        var error = await EcsTestBed.FailsAsync(async () =>
            await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "svc" }, EcsTestBed.Context, default));

        Assert.Equal("ClusterContainsServicesException", error.Code);
    }

    [Fact]
    public async Task DeleteCluster_WithTaskNotStopped_IsRefusedButStoppedTasksDoNotCount()
    {
        await bed.CreateClusterAsync("tasks");
        await bed.AddTaskAsync("tasks", null, "STOPPED");
        await bed.AddTaskAsync("tasks", null, "PENDING");

        var error = await EcsTestBed.FailsAsync(async () =>
            await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "tasks" }, EcsTestBed.Context, default));

        Assert.Equal("ClusterContainsTasksException", error.Code);
    }

    [Fact]
    public async Task DeleteCluster_Unknown_IsClusterNotFound()
    {
        var error = await EcsTestBed.FailsAsync(async () =>
            await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "ghost" }, EcsTestBed.Context, default));

        Assert.Equal("ClusterNotFoundException", error.Code);
    }

    [Fact]
    public async Task UpdateClusterSettings_NewValue_ReplacesSettingOfSameName()
    {
        await bed.CreateClusterAsync("s");

        await bed.UpdateClusterSettings.HandleAsync(
            new UpdateClusterSettingsRequest { Cluster = "s", Settings = [new ClusterSetting { Name = "containerInsights", Value = "enhanced" }] },
            EcsTestBed.Context,
            default);
        var response = await bed.UpdateClusterSettings.HandleAsync(
            new UpdateClusterSettingsRequest { Cluster = "s", Settings = [new ClusterSetting { Name = "containerInsights", Value = "enabled" }] },
            EcsTestBed.Context,
            default);

        Assert.Equal("enabled", Assert.Single(response.Cluster!.Settings!).Value);
    }

    [Fact]
    public async Task UpdateCluster_Configuration_IsReplaced()
    {
        await bed.CreateClusterAsync("u");

        var response = await bed.UpdateCluster.HandleAsync(
            new UpdateClusterRequest
            {
                Cluster = "u",
                Configuration = new ClusterConfiguration { ExecuteCommandConfiguration = new ExecuteCommandConfiguration { Logging = "NONE" } },
            },
            EcsTestBed.Context,
            default);

        Assert.Equal("NONE", response.Cluster!.Configuration!.ExecuteCommandConfiguration!.Logging);
    }

    [Fact]
    public async Task UpdateCluster_DeletedCluster_IsClusterNotFound()
    {
        await bed.CreateClusterAsync("d");
        await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "d" }, EcsTestBed.Context, default);

        var error = await EcsTestBed.FailsAsync(async () =>
            await bed.UpdateCluster.HandleAsync(new UpdateClusterRequest { Cluster = "d" }, EcsTestBed.Context, default));

        Assert.Equal("ClusterNotFoundException", error.Code);
    }

    [Fact]
    public async Task PutClusterCapacityProviders_ProvidersAndStrategy_AreStored()
    {
        await bed.CreateClusterAsync("cp");

        var response = await bed.PutClusterCapacityProviders.HandleAsync(
            new PutClusterCapacityProvidersRequest
            {
                Cluster = "cp",
                CapacityProviders = ["FARGATE"],
                DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 2 }],
            },
            EcsTestBed.Context,
            default);

        Assert.Equal(["FARGATE"], response.Cluster!.CapacityProviders!);
        Assert.Equal(2, Assert.Single(response.Cluster.DefaultCapacityProviderStrategy!).Weight);
    }
}
