using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;
using Wharf.Scheduling.Query;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Feasibility;

public sealed class FeasibilityChainTests
{
    [Fact]
    public void For_FullRequest_ChecksInCanonicalOrder()
    {
        var request = Request(cpu: 128, ports: [new HostPort(80)]) with
        {
            RequiredAttributes = [new RequiredAttribute("a")],
            Constraints = [PlacementConstraint.DistinctInstance, PlacementConstraint.MemberOf(ClusterQuery.Parse("attribute:a exists"))],
        };

        var chain = FeasibilityChain.For(request, new PlacementCluster([]));

        Assert.Equal(
            [FeasibilityStage.Agent, FeasibilityStage.Cpu, FeasibilityStage.Memory, FeasibilityStage.Ports,
             FeasibilityStage.Attributes, FeasibilityStage.MemberOf, FeasibilityStage.DistinctInstance],
            chain.Checkers.Select(c => c.Stage));
    }

    [Fact]
    public void For_NoCpuNoPortsNoConstraints_LeavesThemOut()
    {
        var chain = FeasibilityChain.For(Request(cpu: 0), new PlacementCluster([]));

        Assert.Equal([FeasibilityStage.Agent, FeasibilityStage.Memory], chain.Checkers.Select(c => c.Stage));
    }

    [Fact]
    public void For_TaskDefinitionAndRequestConstraints_BothApply()
    {
        var request = Request() with
        {
            TaskDefinitionConstraints = [PlacementConstraint.MemberOf(ClusterQuery.Parse("attribute:ecs.os-type == linux"))],
            Constraints = [PlacementConstraint.MemberOf(ClusterQuery.Parse("attribute:ecs.availability-zone == us-east-1b"))],
        };
        var cluster = new PlacementCluster([Instance(1, zone: "us-east-1a")]);
        var chain = FeasibilityChain.For(request, cluster);

        var rejection = chain.FirstRejection(cluster.Instances[0]);

        Assert.Equal(2, chain.Checkers.Count(c => c.Stage == FeasibilityStage.MemberOf));
        Assert.Equal(PlacementFailureReasons.MemberOf, rejection?.Reason);
    }

    [Fact]
    public void FirstRejection_SeveralFailures_ReportsEarliest()
    {
        var chain = FeasibilityChain.For(Request(memory: 8192, cpu: 8192), new PlacementCluster([]));

        var rejection = chain.FirstRejection(new InstanceState(Instance(1, connected: false), 0));

        Assert.Equal("AGENT", rejection?.Reason);
    }
}
