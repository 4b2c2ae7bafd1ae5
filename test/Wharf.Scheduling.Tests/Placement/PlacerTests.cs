using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;
using Wharf.Scheduling.Query;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Placement;

public sealed class PlacerTests
{
    private static readonly PlacementStrategy[] ZoneThenMemory =
        [PlacementStrategy.SpreadAttribute("ecs.availability-zone"), PlacementStrategy.BinpackMemory];

    [Fact]
    public void Place_SpreadZoneThenBinpack_TwoPerZoneOnOneInstanceEach()
    {
        InstanceSnapshot[] instances = [Instance(1, zone: "a"), Instance(2, zone: "a"), Instance(3, zone: "b"), Instance(4, zone: "b")];

        var result = Placer.Place(Request(count: 4, strategies: ZoneThenMemory), instances, new Random(1));

        Assert.True(result.AllPlaced);
        var zones = result.Placements.GroupBy(p => instances.Single(i => i.ContainerInstanceArn == p.ContainerInstanceArn).Attributes["ecs.availability-zone"]);
        Assert.All(zones, z => Assert.Equal(2, z.Count()));
        Assert.Equal(2, result.Placements.Select(p => p.ContainerInstanceArn).Distinct().Count());
    }

    [Fact]
    public void Place_SpreadZone_CountsExistingServiceTasks()
    {
        InstanceSnapshot[] instances = [Instance(1, zone: "a", tasks: [Task(), Task()]), Instance(2, zone: "b")];

        var result = Placer.Place(Request(count: 2, strategies: ZoneThenMemory), instances, new Random(1));

        Assert.All(result.Placements, p => Assert.Equal(instances[1].ContainerInstanceArn, p.ContainerInstanceArn));
    }

    [Fact]
    public void Place_ServiceDefaults_OneTaskPerInstanceAcrossZones()
    {
        InstanceSnapshot[] instances = [Instance(1, zone: "a"), Instance(2, zone: "a"), Instance(3, zone: "b"), Instance(4, zone: "b")];

        var result = Placer.Place(Request(count: 4), instances, new Random(3));

        Assert.Equal(4, result.Placements.Select(p => p.ContainerInstanceArn).Distinct().Count());
    }

    [Fact]
    public void Place_BinpackMemory_FillsFullestInstanceFirst()
    {
        InstanceSnapshot[] instances = [Instance(1, remainingMemory: 4096), Instance(2, remainingMemory: 1024), Instance(3, remainingMemory: 2048)];

        var result = Placer.Place(Request(count: 5, memory: 256, strategies: [PlacementStrategy.BinpackMemory]), instances, new Random(1));

        Assert.Equal(
            [2, 2, 2, 2, 3],
            result.Placements.Select(p => Array.FindIndex(instances, i => i.ContainerInstanceArn == p.ContainerInstanceArn) + 1));
    }

    [Fact]
    public void Place_LaterStrategyBreaksTies()
    {
        InstanceSnapshot[] instances =
        [
            Instance(1, zone: "a", remainingMemory: 4096),
            Instance(2, zone: "a", remainingMemory: 512),
            Instance(3, zone: "b", remainingMemory: 256),
            Instance(4, zone: "b", tasks: [Task()], remainingMemory: 8192),
        ];

        var result = Placer.Place(Request(count: 1, memory: 256, strategies: ZoneThenMemory), instances, new Random(1));

        Assert.Equal(instances[1].ContainerInstanceArn, result.Placements.Single().ContainerInstanceArn);
    }

    [Fact]
    public void Place_NoMemoryAnywhere_FailuresPerInstance()
    {
        InstanceSnapshot[] instances = [Instance(1, remainingMemory: 100), Instance(2, remainingMemory: 200)];

        var result = Placer.Place(Request(count: 3, memory: 256), instances, new Random(1));

        Assert.Empty(result.Placements);
        Assert.Equal(3, result.UnplacedCount);
        Assert.Equal(
            [(instances[0].ContainerInstanceArn, "RESOURCE:MEMORY"), (instances[1].ContainerInstanceArn, "RESOURCE:MEMORY")],
            result.Failures.Select(f => (f.ContainerInstanceArn, f.Reason)));
        Assert.Equal(instances[0].Id, result.ClosestMatch?.ContainerInstanceId);
    }

    [Fact]
    public void Place_MixedRejections_ClosestMatchPassedMostChecks()
    {
        InstanceSnapshot[] instances =
        [
            Instance(1, connected: false),
            Instance(2, remainingCpu: 0),
            Instance(3, tasks: [Task()]),
            Instance(4, zone: "us-east-1c"),
        ];
        var request = Request(count: 1) with
        {
            Constraints = [PlacementConstraint.DistinctInstance, PlacementConstraint.MemberOf(ClusterQuery.Parse("attribute:ecs.availability-zone != us-east-1c"))],
        };

        var result = Placer.Place(request, instances, new Random(1));

        Assert.Equal(
            ["AGENT", "RESOURCE:CPU", "DistinctInstance placement constraint unsatisfied.", "MemberOf placement constraint unsatisfied."],
            result.Failures.Select(f => f.Reason));
        Assert.Equal(instances[2].Id, result.ClosestMatch?.ContainerInstanceId);
    }

    [Fact]
    public void Place_StaticPort_OneTaskPerInstance()
    {
        InstanceSnapshot[] instances = [Instance(1), Instance(2)];

        var result = Placer.Place(Request(count: 3, ports: [new HostPort(80)]), instances, new Random(1));

        Assert.Equal(2, result.Placements.Select(p => p.ContainerInstanceArn).Distinct().Count());
        Assert.Equal(1, result.UnplacedCount);
        Assert.All(result.Failures, f => Assert.Equal("RESOURCE:PORTS", f.Reason));
    }

    [Fact]
    public void Place_DistinctInstance_NeverTwoOnOneInstance()
    {
        InstanceSnapshot[] instances = [Instance(1), Instance(2), Instance(3)];
        var request = Request(count: 4, strategies: [PlacementStrategy.BinpackMemory]) with { Constraints = [PlacementConstraint.DistinctInstance] };

        var result = Placer.Place(request, instances, new Random(1));

        Assert.Equal(3, result.Placements.Select(p => p.ContainerInstanceArn).Distinct().Count());
        Assert.Equal(1, result.UnplacedCount);
        Assert.All(result.Failures, f => Assert.Equal(PlacementFailureReasons.DistinctInstance, f.Reason));
    }

    [Fact]
    public void Place_MemberOf_OnlyMatchingInstances()
    {
        InstanceSnapshot[] instances = [Instance(1, zone: "a"), Instance(2, zone: "b"), Instance(3, zone: "c")];
        var request = Request(count: 6, memory: 16) with
        {
            Constraints = [PlacementConstraint.MemberOf(ClusterQuery.Parse("attribute:ecs.availability-zone in [a, c]"))],
        };

        var result = Placer.Place(request, instances, new Random(1));

        Assert.True(result.AllPlaced);
        Assert.DoesNotContain(result.Placements, p => p.ContainerInstanceArn == instances[1].ContainerInstanceArn);
    }

    [Fact]
    public void Place_DrainingAndInactiveInstances_NotCandidatesNorFailures()
    {
        InstanceSnapshot[] instances = [Instance(1, status: InstanceStatus.Draining), Instance(2, remainingMemory: 10), Instance(3, status: InstanceStatus.Inactive)];

        var result = Placer.Place(Request(count: 1), instances, new Random(1));

        Assert.Equal(1, result.UnplacedCount);
        Assert.Equal([instances[1].ContainerInstanceArn], result.Failures.Select(f => f.ContainerInstanceArn));
        Assert.False(result.NoContainerInstances);
    }

    [Fact]
    public void Place_NoActiveInstance_NoContainerInstances()
    {
        var result = Placer.Place(Request(count: 2), [Instance(1, status: InstanceStatus.Draining)], new Random(1));

        Assert.True(result.NoContainerInstances);
        Assert.Equal(2, result.UnplacedCount);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void Place_RoomForTwoOfThree_PartialWithFailures()
    {
        var result = Placer.Place(Request(count: 3, memory: 1024), [Instance(1, memory: 2048)], new Random(1));

        Assert.Equal(2, result.Placements.Count);
        Assert.Equal(1, result.UnplacedCount);
        Assert.Equal("RESOURCE:MEMORY", Assert.Single(result.Failures).Reason);
    }

    [Fact]
    public void Place_SharedCluster_SecondRequestSeesFirst()
    {
        var cluster = new PlacementCluster([Instance(1, memory: 1024), Instance(2, memory: 1024)]);

        var web = Placer.Place(Request(count: 2, memory: 1024, group: "service:web"), cluster, new Random(1));
        var api = Placer.Place(Request(count: 1, memory: 512, group: "service:api"), cluster, new Random(1));

        Assert.True(web.AllPlaced);
        Assert.False(api.AllPlaced);
        Assert.Equal(0, cluster.RemainingMemory(web.Placements[0].ContainerInstanceArn));
    }

    [Fact]
    public void Place_SameSeed_SamePlacements()
    {
        var instances = Enumerable.Range(1, 300).Select(i => Instance(i, zone: $"z{i % 3}")).ToList();
        var request = Request(count: 50, memory: 64, strategies: [PlacementStrategy.Random]);

        var first = Placer.Place(request, instances, new Random(9));
        var second = Placer.Place(request, instances, new Random(9));

        Assert.Equal(first.Placements, second.Placements);
    }

    [Fact]
    public void Place_LargeCluster_SpreadAcrossZonesStaysExact()
    {
        var instances = Enumerable.Range(1, 5_000)
            .Select(i => Instance(i, zone: $"us-east-1{(char)('a' + (i % 3))}", memory: 2048 + (i % 7 * 1024)))
            .ToList();
        var request = Request(count: 3_000, memory: 128, strategies: ZoneThenMemory);

        var result = Placer.Place(request, instances, new Random(5));

        var zones = result.Placements
            .Select(p => instances.First(i => i.ContainerInstanceArn == p.ContainerInstanceArn).Attributes["ecs.availability-zone"])
            .GroupBy(z => z)
            .Select(g => g.Count())
            .ToList();
        Assert.True(result.AllPlaced);
        Assert.Equal([1_000, 1_000, 1_000], zones);
    }

    [Fact]
    public void Place_LargeCluster_BinpackKeepsFillingTheSameInstance()
    {
        var instances = Enumerable.Range(1, 2_000).Select(i => Instance(i, memory: 4096)).ToList();
        var request = Request(count: 64, memory: 256, cpu: 0, strategies: [PlacementStrategy.BinpackMemory]);

        var result = Placer.Place(request, instances, new Random(5));

        Assert.Equal(4, result.Placements.Select(p => p.ContainerInstanceArn).Distinct().Count());
    }

    [Fact]
    public void PlaceOn_Feasible_ReservesOnThatInstance()
    {
        var instance = Instance(1, memory: 1024);
        var cluster = new PlacementCluster([instance]);

        Assert.Null(Placer.PlaceOn(Request(memory: 1000), cluster, instance.ContainerInstanceArn));
        Assert.Equal("RESOURCE:MEMORY", Placer.PlaceOn(Request(memory: 1000), cluster, instance.ContainerInstanceArn)?.Reason);
        Assert.Equal("MISSING", Placer.Check(Request(), cluster, "arn:nope")?.Reason);
    }
}
