using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tagging;

public sealed class TaggingHandlerTests
{
    private readonly EcsTestBed bed = new();

    private Task<TagResourceResponse> TagAsync(string arn, params (string Key, string Value)[] tags) =>
        bed.TagResource.HandleAsync(
            new TagResourceRequest { ResourceArn = arn, Tags = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() },
            EcsTestBed.Context,
            default).AsTask();

    private async Task<List<Tag>> ListAsync(string arn) =>
        (await bed.ListTagsForResource.HandleAsync(new ListTagsForResourceRequest { ResourceArn = arn }, EcsTestBed.Context, default)).Tags!;

    [Fact]
    public async Task TagResource_Cluster_AddsAndOverwritesInOrder()
    {
        var cluster = await bed.CreateClusterAsync("prod", [new Tag { Key = "team", Value = "a" }]);

        await TagAsync(cluster.ClusterArn!, ("env", "prod"), ("team", "b"));

        Assert.Equal([("team", "b"), ("env", "prod")], (await ListAsync(cluster.ClusterArn!)).Select(t => (t.Key!, t.Value!)));
    }

    [Fact]
    public async Task UntagResource_TaskDefinition_RemovesKeysAndIgnoresUnknownOnes()
    {
        var definition = await bed.RegisterAsync();
        await TagAsync(definition.TaskDefinitionArn!, ("a", "1"), ("b", "2"));

        await bed.UntagResource.HandleAsync(
            new UntagResourceRequest { ResourceArn = definition.TaskDefinitionArn, TagKeys = ["a", "zzz"] }, EcsTestBed.Context, default);

        Assert.Equal("b", Assert.Single(await ListAsync(definition.TaskDefinitionArn!)).Key);
    }

    [Fact]
    public async Task TagResource_TaskAndContainerInstance_AreTaggable()
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();
        var task = await bed.AddTaskAsync("default", instance.Arn);

        await TagAsync(task.Arn, ("k", "task"));
        await TagAsync(instance.Arn, ("k", "host"));

        Assert.Equal("task", Assert.Single(await ListAsync(task.Arn)).Value);
        Assert.Equal("host", Assert.Single(await ListAsync(instance.Arn)).Value);
    }

    [Fact]
    public async Task ListTagsForResource_UntaggedResource_IsEmpty()
    {
        var cluster = await bed.CreateClusterAsync("plain");

        Assert.Empty(await ListAsync(cluster.ClusterArn!));
    }

    [Fact]
    public async Task TagResource_MoreThanFiftyInAll_IsInvalidParameterAndChangesNothing()
    {
        var cluster = await bed.CreateClusterAsync("many");
        await TagAsync(cluster.ClusterArn!, Enumerable.Range(0, 45).Select(i => ($"k{i}", "v")).ToArray());

        var error = await EcsTestBed.FailsAsync(() => TagAsync(cluster.ClusterArn!, Enumerable.Range(45, 6).Select(i => ($"k{i}", "v")).ToArray()));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(45, (await ListAsync(cluster.ClusterArn!)).Count);
    }

    [Fact]
    public async Task TagResource_ReservedPrefix_IsInvalidParameter()
    {
        var cluster = await bed.CreateClusterAsync("reserved");

        var error = await EcsTestBed.FailsAsync(() => TagAsync(cluster.ClusterArn!, ("aws:cloudformation:stack", "x")));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task TagResource_UnknownCluster_IsClusterNotFound()
    {
        var error = await EcsTestBed.FailsAsync(() => TagAsync(EcsTestBed.Prefix + "cluster/ghost", ("k", "v")));

        Assert.Equal("ClusterNotFoundException", error.Code);
    }

    [Fact]
    public async Task TagResource_UnknownTaskDefinition_IsResourceNotFound()
    {
        var error = await EcsTestBed.FailsAsync(() => TagAsync(EcsTestBed.Prefix + "task-definition/ghost:1", ("k", "v")));

        Assert.Equal("ResourceNotFoundException", error.Code);
    }

    [Theory]
    [InlineData("arn:aws:ecs:eu-west-1:000000000000:cluster/prod")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("prod")]
    public async Task ListTagsForResource_ArnOfAnotherRegionServiceOrNoArn_IsInvalidParameter(string arn)
    {
        var error = await EcsTestBed.FailsAsync(() => ListAsync(arn));

        Assert.Equal("InvalidParameterException", error.Code);
    }
}
