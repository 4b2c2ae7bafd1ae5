using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Tests.Ecs.Services;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

/// <summary>propagateTags and enableECSManagedTags of a service, as the tasks it starts show them.</summary>
public sealed class ServiceTaskTagsTests
{
    private readonly ServiceTestBed bed = new();

    private async Task SetUpAsync()
    {
        await bed.Tasks.ClusterAsync();
        var definition = await bed.Tasks.DefinitionAsync();
        await bed.Tasks.PutAsync(StateKinds.Tags, definition.Arn, "", new TagSet
        {
            ResourceArn = definition.Arn,
            Tags = [new TagRecord("team", "definition-team"), new TagRecord("layer", "web")],
        });
        await bed.Tasks.InstanceAsync();
    }

    private async Task<IReadOnlyList<IReadOnlyList<TagRecord>>> TaskTagsAsync()
    {
        var result = new List<IReadOnlyList<TagRecord>>();
        foreach (var task in await bed.LiveTasksAsync())
        {
            var set = await bed.Tasks.State.GetAsync<TagSet>(StateKinds.Tags, task.Arn, CancellationToken.None);
            result.Add(set?.Value.Tags ?? []);
        }

        return result;
    }

    private Task<Service> CreateAsync(string? propagate, bool managed = false) => bed.CreateAsync(new CreateServiceRequest
    {
        ServiceName = "web",
        TaskDefinition = "web:1",
        DesiredCount = 2,
        PropagateTags = propagate,
        EnableECSManagedTags = managed,
        Tags = [new Tag { Key = "team", Value = "service-team" }, new Tag { Key = "env", Value = "test" }],
    });

    [Fact]
    public async Task Reconcile_PropagateService_EachTaskGetsTheServiceTags()
    {
        await SetUpAsync();
        await CreateAsync("SERVICE");
        await bed.SettleAsync();

        var tags = await TaskTagsAsync();
        Assert.Equal(2, tags.Count);
        Assert.All(tags, t => Assert.Equal([new TagRecord("team", "service-team"), new TagRecord("env", "test")], t));
    }

    [Fact]
    public async Task Reconcile_PropagateTaskDefinition_EachTaskGetsTheDefinitionTags()
    {
        await SetUpAsync();
        await CreateAsync("TASK_DEFINITION");
        await bed.SettleAsync();

        var tags = await TaskTagsAsync();
        Assert.Equal(2, tags.Count);
        Assert.All(tags, t => Assert.Equal([new TagRecord("team", "definition-team"), new TagRecord("layer", "web")], t));
    }

    [Fact]
    public async Task Reconcile_PropagateNoneOrUnset_TasksUntagged()
    {
        await SetUpAsync();
        await CreateAsync("NONE");
        await bed.SettleAsync();

        var tags = await TaskTagsAsync();
        Assert.Equal(2, tags.Count);
        Assert.All(tags, Assert.Empty);
    }

    [Fact]
    public async Task Reconcile_ManagedTags_ClusterAndServiceNameAdded()
    {
        await SetUpAsync();
        await CreateAsync(propagate: null, managed: true);
        await bed.SettleAsync();

        var tags = await TaskTagsAsync();
        Assert.Equal(2, tags.Count);
        Assert.All(tags, t => Assert.Equal([new TagRecord("aws:ecs:clusterName", "default"), new TagRecord("aws:ecs:serviceName", "web")], t));
    }

    [Fact]
    public async Task Reconcile_ServiceTagsChangedLater_OnlyNewTasksGetTheNewTags()
    {
        await SetUpAsync();
        var service = await CreateAsync("SERVICE");
        await bed.SettleAsync();
        var first = (await bed.LiveTasksAsync()).Select(t => t.Arn).ToHashSet();

        await bed.Tasks.PutAsync(StateKinds.Tags, service.ServiceArn!, "", new TagSet
        {
            ResourceArn = service.ServiceArn!,
            Tags = [new TagRecord("team", "new-team")],
        });
        await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", DesiredCount = 3 });
        await bed.SettleAsync();

        foreach (var task in await bed.LiveTasksAsync())
        {
            var set = (await bed.Tasks.State.GetAsync<TagSet>(StateKinds.Tags, task.Arn, CancellationToken.None))!.Value;
            Assert.Equal(first.Contains(task.Arn) ? "service-team" : "new-team", set.Tags.Single(t => t.Key == "team").Value);
        }
    }
}
