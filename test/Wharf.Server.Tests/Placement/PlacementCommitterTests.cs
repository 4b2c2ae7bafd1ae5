using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Placement;
using Wharf.Server.Tests.Ecs.Tasks;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Placement;

public sealed class PlacementCommitterTests
{
    private readonly TaskTestBed bed = new();

    [Fact]
    public async Task PlaceAsync_RivalPlacementCommitsFirst_ReplansInsteadOfOvercommitting()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.InstanceAsync(memory: 512);
        var rivalRan = false;
        bed.Store.BeforeCommit = () =>
        {
            if (!rivalRan)
            {
                rivalRan = true;
                bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" }).GetAwaiter().GetResult();
            }
        };

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" });

        Assert.Empty(response.Tasks!);
        Assert.Equal("RESOURCE:MEMORY", Assert.Single(response.Failures!).Reason);
        Assert.Single(await bed.TasksAsync());
        Assert.Equal(1, bed.Store.Conflicts);
    }

    [Fact]
    public async Task PlaceAsync_TwoRacingPlacementsThatBothFit_BothCommitAfterRetry()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        var instance = await bed.InstanceAsync(memory: 1024);
        var rivalRan = false;
        bed.Store.BeforeCommit = () =>
        {
            if (!rivalRan)
            {
                rivalRan = true;
                bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" }).GetAwaiter().GetResult();
            }
        };

        var response = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" });

        Assert.Single(response.Tasks!);
        Assert.Equal(2, (await bed.TasksAsync()).Count);
        var after = await bed.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, instance.Arn);
        Assert.Equal(2, after.Value.PlacementGeneration);
    }

    [Fact]
    public async Task PlaceAsync_PlanWithExtraWrites_CommitsThemWithTheTasks()
    {
        await bed.ClusterAsync();
        var instance = await bed.InstanceAsync();
        var definition = await bed.DefinitionAsync();
        var blueprint = TaskBlueprint.Create(definition);
        var cluster = (await bed.GetAsync<ClusterRecord>(StateKinds.Cluster, "default")).Value;
        var before = bed.Store.Commits;

        var arn = await bed.Committer.PlaceAsync(
            cluster.Arn,
            (snapshot, _) =>
            {
                var task = blueprint.NewTask(bed.Arns, bed.Ids, cluster, snapshot.Find(instance.Arn)!, new NewTaskOptions("service:api", "ecs-svc/1"), bed.Time.GetUtcNow());
                return ValueTask.FromResult(new PlacementPlan<string>([task], task.Arn)
                {
                    Writes = w => w.Put(StateKinds.Tags, task.Arn, "", new TagSet { ResourceArn = task.Arn, Tags = [new("a", "b")] }, 0),
                });
            },
            CancellationToken.None);

        var task = await bed.GetAsync<TaskRecord>(StateKinds.Task, arn);
        Assert.Equal("service:api", task.Value.Group);
        Assert.Equal("b", (await bed.GetAsync<TagSet>(StateKinds.Tags, arn)).Value.Tags[0].Value);
        Assert.Equal(before + 1, bed.Store.Commits);
    }

    [Fact]
    public async Task PlaceAsync_NothingPlanned_CommitsNothing()
    {
        await bed.ClusterAsync();
        await bed.InstanceAsync();
        var before = bed.Store.Commits;

        var result = await bed.Committer.PlaceAsync(
            bed.Arns.ClusterArn("default"),
            (_, _) => ValueTask.FromResult(PlacementPlan<int>.Nothing(42)),
            CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(before, bed.Store.Commits);
    }
}
