using Wharf.Scheduling.Model;
using Wharf.Scheduling.Query;
using Wharf.Scheduling.Reconcilers;
using Xunit;
using static Wharf.Scheduling.Tests.Reconcilers.ServiceTasks;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Reconcilers;

public sealed class DaemonReconcilerTests
{
    private static readonly PlacementRequest Agent = Request(memory: 128, cpu: 64, group: "service:log-agent");

    [Fact]
    public void Reconcile_NewDaemon_OneTaskPerActiveInstance()
    {
        InstanceSnapshot[] instances = [Instance(1), Instance(2), Instance(3, status: InstanceStatus.Draining)];

        var plan = Reconcile(instances, []);

        Assert.Equal(2, plan.DesiredCount);
        Assert.Equal([instances[0].ContainerInstanceArn, instances[1].ContainerInstanceArn], plan.Place.Select(p => p.ContainerInstanceArn));
        Assert.All(plan.Place, p => Assert.Equal(New.Id, p.DeploymentId));
    }

    [Fact]
    public void Reconcile_MemberOf_OnlyMatchingInstancesAndStopsOnOthers()
    {
        InstanceSnapshot[] instances = [Instance(1, zone: "a"), Instance(2, zone: "b")];
        var request = Agent with { Constraints = [PlacementConstraint.MemberOf(ClusterQuery.Parse("attribute:ecs.availability-zone == a"))] };
        var onB = Healthy("t2", New, instance: instances[1].ContainerInstanceArn);

        var plan = Reconcile(instances, [onB], request);

        Assert.Equal(1, plan.DesiredCount);
        Assert.Equal(instances[0].ContainerInstanceArn, Assert.Single(plan.Place).ContainerInstanceArn);
        Assert.Equal(new TaskStop("t2", StopReason.ConstraintUnsatisfied), Assert.Single(plan.Stop));
    }

    [Fact]
    public void Reconcile_AwsvpcDaemon_OnlyInstancesInItsSubnetsZones()
    {
        InstanceSnapshot[] instances = [Instance(1, zone: "a"), Instance(2, zone: "b")];
        var request = Agent with { SubnetZones = new SubnetZones(new HashSet<string>(StringComparer.Ordinal) { "b" }, "a") };

        var plan = Reconcile(instances, [], request);

        Assert.Equal(1, plan.DesiredCount);
        Assert.Equal(instances[1].ContainerInstanceArn, Assert.Single(plan.Place).ContainerInstanceArn);
        Assert.Empty(plan.Failures);
    }

    [Fact]
    public void Reconcile_NoRoom_ReportsFailure()
    {
        InstanceSnapshot[] instances = [Instance(1, remainingMemory: 64)];

        var plan = Reconcile(instances, []);

        Assert.Empty(plan.Place);
        Assert.Equal("RESOURCE:MEMORY", Assert.Single(plan.Failures).Reason);
    }

    [Fact]
    public void Reconcile_Duplicate_StopsTheWorse()
    {
        var instance = Instance(1);
        var arn = instance.ContainerInstanceArn;

        var plan = Reconcile([instance], [Pending("p", New, instance: arn), Healthy("h", New, instance: arn)]);

        Assert.Equal([new TaskStop("p", StopReason.Duplicate)], plan.Stop);
        Assert.Empty(plan.Place);
    }

    [Fact]
    public void Reconcile_Rollout_StopsOldWithinMinimumThenPlaces()
    {
        InstanceSnapshot[] instances = [Instance(1), Instance(2), Instance(3), Instance(4)];
        var old = instances.Select((i, n) => Healthy($"o{n}", Old, instance: i.ContainerInstanceArn)).ToList();

        var first = Reconcile(instances, old, min: 50);

        Assert.Equal(2, first.Stop.Count);
        Assert.All(first.Stop, s => Assert.Equal(StopReason.ReplacedByDeployment, s.Reason));
        Assert.Empty(first.Place);

        var remaining = old.Where(t => first.Stop.All(s => s.TaskArn != t.TaskArn)).ToList();
        var second = Reconcile(instances, remaining, min: 50);
        Assert.Equal(2, second.Place.Count);
    }

    [Fact]
    public void Reconcile_DrainingInstance_StopsDaemonOnlyWhenAlone()
    {
        var busy = Instance(1, status: InstanceStatus.Draining, running: 3);
        var idle = Instance(2, status: InstanceStatus.Draining, running: 1);
        var tasks = new[] { Healthy("busy", New, instance: busy.ContainerInstanceArn), Healthy("idle", New, instance: idle.ContainerInstanceArn) };

        var plan = Reconcile([busy, idle], tasks);

        Assert.Equal([new TaskStop("idle", StopReason.InstanceDraining)], plan.Stop);
        Assert.Equal(["busy"], plan.Ignore);
    }

    [Fact]
    public void Reconcile_DeregisteredInstance_StopsItsTask()
    {
        var plan = Reconcile([Instance(1)], [Healthy("gone", New, instance: "arn:gone")]);

        Assert.Equal(new TaskStop("gone", StopReason.InstanceLost), Assert.Single(plan.Stop));
    }

    [Fact]
    public void Reconcile_AllHealthy_SteadyState()
    {
        InstanceSnapshot[] instances = [Instance(1), Instance(2)];

        var plan = Reconcile(instances, [.. instances.Select((i, n) => Healthy($"t{n}", New, instance: i.ContainerInstanceArn))]);

        Assert.True(plan.SteadyState);
    }

    private static DaemonPlan Reconcile(IReadOnlyList<InstanceSnapshot> instances, IReadOnlyList<ServiceTaskSnapshot> tasks, PlacementRequest? request = null, int min = 0) =>
        DaemonReconciler.Reconcile(new DaemonReconcileInput
        {
            Instances = instances,
            Request = request ?? Agent,
            Primary = New,
            OlderDeployments = [Old],
            Tasks = tasks,
            MinimumHealthyPercent = min,
        });
}
