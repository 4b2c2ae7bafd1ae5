using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Feasibility;

public sealed class SubnetZoneCheckerTests
{
    private static readonly SubnetZones ZoneB = new(new HashSet<string>(StringComparer.Ordinal) { "us-east-1b" }, "us-east-1a");

    [Theory]
    [InlineData("us-east-1b", true)]
    [InlineData("us-east-1a", false)]
    [InlineData("us-east-1c", false)]
    public void IsFeasible_InstanceZone_MustHoldASubnet(string zone, bool feasible)
    {
        var checker = new SubnetZoneChecker(ZoneB);

        Assert.Equal(feasible, checker.IsFeasible(new InstanceState(Instance(1, zone: zone), 0)));
    }

    [Fact]
    public void IsFeasible_NoZoneAttribute_CountsAsDefaultZone()
    {
        var unzoned = Instance(1) with { Attributes = new Dictionary<string, string?> { ["ecs.os-type"] = "linux" } };

        Assert.False(new SubnetZoneChecker(ZoneB).IsFeasible(new InstanceState(unzoned, 0)));
        Assert.True(new SubnetZoneChecker(ZoneB with { DefaultZone = "us-east-1b" }).IsFeasible(new InstanceState(unzoned, 0)));
    }

    [Fact]
    public void Reason_SaysTheZoneHasNoSubnet()
    {
        var checker = new SubnetZoneChecker(ZoneB);

        Assert.Equal(PlacementFailureReasons.SubnetZone, checker.Reason);
        Assert.Contains("availability zone", checker.Reason, StringComparison.Ordinal);
        Assert.Equal(FeasibilityStage.SubnetZone, checker.Stage);
    }

    [Fact]
    public void Place_AwsvpcRequest_OnlyOnInstancesInTheSubnetsZones()
    {
        InstanceSnapshot[] instances = [Instance(1, zone: "us-east-1a"), Instance(2, zone: "us-east-1b"), Instance(3, zone: "us-east-1c")];

        var result = Placer.Place(Request(count: 3) with { SubnetZones = ZoneB }, instances, new Random(1));

        Assert.True(result.AllPlaced);
        Assert.All(result.Placements, p => Assert.Equal(instances[1].ContainerInstanceArn, p.ContainerInstanceArn));
    }

    [Fact]
    public void Place_NoInstanceInTheSubnetsZones_FailsWithTheReason()
    {
        InstanceSnapshot[] instances = [Instance(1, zone: "us-east-1a"), Instance(2, zone: "us-east-1c")];

        var result = Placer.Place(Request() with { SubnetZones = ZoneB }, instances, new Random(1));

        Assert.False(result.AllPlaced);
        Assert.Equal(2, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.Equal(PlacementFailureReasons.SubnetZone, f.Reason));
        Assert.Equal(PlacementFailureReasons.SubnetZone, result.ClosestMatch!.Reason);
    }

    [Fact]
    public void Place_FullInstanceInTheZone_ReportedAsFullNotAsZone()
    {
        InstanceSnapshot[] instances = [Instance(1, zone: "us-east-1b", memory: 128)];

        var result = Placer.Place(Request(memory: 256) with { SubnetZones = ZoneB }, instances, new Random(1));

        Assert.Equal(PlacementFailureReasons.Memory, Assert.Single(result.Failures).Reason);
    }

    [Fact]
    public void For_NoSubnetZones_NoChecker()
    {
        var chain = FeasibilityChain.For(Request(), new PlacementCluster([Instance(1)]));

        Assert.DoesNotContain(chain.Checkers, c => c is SubnetZoneChecker);
    }
}
