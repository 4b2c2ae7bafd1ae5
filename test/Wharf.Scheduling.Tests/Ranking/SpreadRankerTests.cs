using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;
using Wharf.Scheduling.Ranking;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Ranking;

public sealed class SpreadRankerTests
{
    [Fact]
    public void Score_Attribute_CountsGroupTasksAcrossTheZone()
    {
        var cluster = new PlacementCluster(
        [
            Instance(1, zone: "a", tasks: [Task(), Task()]),
            Instance(2, zone: "a", tasks: [Task()]),
            Instance(3, zone: "b", tasks: [Task("service:other"), Task()]),
            Instance(4, zone: "b"),
        ]);
        var ranker = new SpreadRanker(cluster, "service:web", "ecs.availability-zone");

        Assert.Equal(3, ranker.Score(cluster.Instances[1]));
        Assert.Equal(1, ranker.Score(cluster.Instances[3]));
    }

    [Fact]
    public void Score_InstanceId_CountsGroupTasksOnTheInstance()
    {
        var cluster = new PlacementCluster([Instance(1, tasks: [Task(), Task(), Task("service:other")])]);
        var ranker = new SpreadRanker(cluster, "service:web", null);

        Assert.Equal(2, ranker.Score(cluster.Instances[0]));
    }

    [Fact]
    public void Score_AfterPlacement_CountFollows()
    {
        var cluster = new PlacementCluster([Instance(1, zone: "a"), Instance(2, zone: "b")]);
        var ranker = new SpreadRanker(cluster, "service:web", "ecs.availability-zone");

        cluster.Apply(cluster.Instances[0], Request());

        Assert.Equal(1, ranker.Score(cluster.Instances[0]));
        Assert.Equal(0, ranker.Score(cluster.Instances[1]));
    }

    [Fact]
    public void Score_MissingAttribute_OwnBucket()
    {
        var bare = Instance(1) with { Attributes = new Dictionary<string, string?>() };
        var cluster = new PlacementCluster([bare, Instance(2, zone: "a", tasks: [Task()])]);
        var ranker = new SpreadRanker(cluster, "service:web", "ecs.availability-zone");

        Assert.Equal(0, ranker.Score(cluster.Instances[0]));
        Assert.Equal(1, ranker.Score(cluster.Instances[1]));
    }

    [Fact]
    public void Rankers_DefaultServiceStrategies_SpreadZoneThenInstance()
    {
        var request = Request(origin: PlacementOrigin.Service);

        Assert.Equal(["spread(attribute:ecs.availability-zone)", "spread(instanceId)"], request.EffectiveStrategies.Select(s => s.ToString()));
    }
}
