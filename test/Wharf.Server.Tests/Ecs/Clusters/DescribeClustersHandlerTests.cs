using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Clusters;

public sealed class DescribeClustersHandlerTests
{
    private readonly EcsTestBed bed = new();

    private Task<DescribeClustersResponse> DescribeAsync(List<string>? clusters = null, List<string>? include = null) =>
        bed.DescribeClusters.HandleAsync(new DescribeClustersRequest { Clusters = clusters, Include = include }, EcsTestBed.Context, default).AsTask();

    [Fact]
    public async Task HandleAsync_NoClustersGiven_DescribesDefault()
    {
        await bed.CreateClusterAsync();

        var response = await DescribeAsync();

        Assert.Equal("default", Assert.Single(response.Clusters!).ClusterName);
        Assert.Empty(response.Failures!);
    }

    [Fact]
    public async Task HandleAsync_UnknownCluster_IsMissingFailureWithItsArn()
    {
        await bed.CreateClusterAsync("known");

        var response = await DescribeAsync(["known", "unknown"]);

        Assert.Equal("known", Assert.Single(response.Clusters!).ClusterName);
        var failure = Assert.Single(response.Failures!);
        Assert.Equal(EcsTestBed.Prefix + "cluster/unknown", failure.Arn);
        Assert.Equal("MISSING", failure.Reason);
    }

    [Fact]
    public async Task HandleAsync_ClusterWithInstancesTasksAndServices_ReportsCounts()
    {
        await bed.CreateClusterAsync("busy");
        var instance = await bed.AddInstanceAsync("busy");
        await bed.AddInstanceAsync("busy", status: "DRAINING");
        await bed.AddInstanceAsync("busy", status: "INACTIVE");
        await bed.AddTaskAsync("busy", instance.Arn, "RUNNING");
        await bed.AddTaskAsync("busy", instance.Arn, "RUNNING");
        await bed.AddTaskAsync("busy", instance.Arn, "PENDING");
        await bed.AddTaskAsync("busy", instance.Arn, "PROVISIONING");
        await bed.AddTaskAsync("busy", instance.Arn, "STOPPED");
        await bed.AddServiceAsync("busy", "web");
        await bed.AddServiceAsync("busy", "gone", "INACTIVE");

        var cluster = Assert.Single((await DescribeAsync([EcsTestBed.Prefix + "cluster/busy"], ["STATISTICS"])).Clusters!);

        Assert.Equal(2, cluster.RegisteredContainerInstancesCount);
        Assert.Equal(2, cluster.RunningTasksCount);
        Assert.Equal(2, cluster.PendingTasksCount);
        Assert.Equal(1, cluster.ActiveServicesCount);
        Assert.Equal("2", cluster.Statistics!.Single(s => s.Name == "runningEC2TasksCount").Value);
    }

    [Fact]
    public async Task HandleAsync_IncludeTags_ReturnsTagsOnlyWhenAsked()
    {
        await bed.CreateClusterAsync("tagged", [new Tag { Key = "env", Value = "prod" }]);

        var without = Assert.Single((await DescribeAsync(["tagged"])).Clusters!);
        var with = Assert.Single((await DescribeAsync(["tagged"], ["TAGS"])).Clusters!);

        Assert.Empty(without.Tags!);
        Assert.Null(without.Settings);
        Assert.Equal("prod", Assert.Single(with.Tags!).Value);
    }

    [Fact]
    public async Task HandleAsync_DeletedCluster_IsDescribedInactive()
    {
        await bed.CreateClusterAsync("gone");
        await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "gone" }, EcsTestBed.Context, default);

        Assert.Equal("INACTIVE", Assert.Single((await DescribeAsync(["gone"])).Clusters!).Status);
    }

    [Fact]
    public async Task HandleAsync_UnknownInclude_IsInvalidParameter()
    {
        var error = await EcsTestBed.FailsAsync(() => DescribeAsync(["x"], ["EVERYTHING"]));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_MoreThanHundredClusters_IsInvalidParameter()
    {
        var error = await EcsTestBed.FailsAsync(() => DescribeAsync(Enumerable.Range(0, 101).Select(i => $"c{i}").ToList()));

        Assert.Equal("InvalidParameterException", error.Code);
    }
}
