using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;
using Wharf.Scheduling.Ranking;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Ranking;

public sealed class RandomRankerTests
{
    [Fact]
    public void Score_SameSeed_SameSequence()
    {
        var instance = new InstanceState(Instance(1), 0);
        var first = new RandomRanker(new Random(42));
        var second = new RandomRanker(new Random(42));

        Assert.Equal(
            Enumerable.Range(0, 5).Select(_ => first.Score(instance)),
            Enumerable.Range(0, 5).Select(_ => second.Score(instance)));
    }

    [Fact]
    public void Place_RandomStrategy_UsesEveryInstance()
    {
        var instances = Enumerable.Range(1, 5).Select(i => Instance(i)).ToList();
        var request = Request(count: 200, memory: 1, cpu: 0, strategies: [PlacementStrategy.Random]);

        var result = Placer.Place(request, instances, new Random(7));

        Assert.Equal(5, result.Placements.Select(p => p.ContainerInstanceArn).Distinct().Count());
    }

    [Fact]
    public void Rankers_RunTaskWithoutStrategy_Random()
    {
        var request = Request(origin: PlacementOrigin.RunTask);

        Assert.Equal([PlacementStrategy.Random], request.EffectiveStrategies);
    }
}
