using Wharf.Scheduling.Reconcilers;
using Xunit;
using static Wharf.Scheduling.Tests.Reconcilers.ServiceTasks;

namespace Wharf.Scheduling.Tests.Reconcilers;

public sealed class ReplicaReconcilerTests
{
    [Fact]
    public void Reconcile_DesiredHealthyPrimaryTasks_SteadyState()
    {
        var plan = Reconcile(3, New, [.. HealthyMany("n", 3, New)]);

        Assert.True(plan.SteadyState);
        Assert.Empty(plan.Place);
        Assert.Empty(plan.Stop);
        Assert.Equal(3, plan.Ignore.Count);
    }

    [Fact]
    public void Reconcile_NewService_PlacesDesiredCount()
    {
        var plan = Reconcile(4, New, []);

        Assert.Equal(4, plan.PlaceCount);
        Assert.False(plan.SteadyState);
    }

    [Fact]
    public void Reconcile_Rollout100To200_StartsAllNewBeforeStoppingOld()
    {
        var old = HealthyMany("o", 4, Old).ToList();

        var first = Reconcile(4, New, old, 100, 200);
        Assert.Equal(4, first.PlaceCount);
        Assert.Empty(first.Stop);

        var starting = old.Concat(Enumerable.Range(1, 4).Select(i => Pending($"n{i}", New))).ToList();
        var waiting = Reconcile(4, New, starting, 100, 200);
        Assert.Equal(0, waiting.PlaceCount);
        Assert.Empty(waiting.Stop);
        Assert.False(waiting.BlockedByDeploymentConfiguration);

        var ready = old.Concat(HealthyMany("n", 4, New)).ToList();
        var last = Reconcile(4, New, ready, 100, 200);
        Assert.Equal(old.Select(t => t.TaskArn).Order(), last.Stop.Select(s => s.TaskArn).Order());
        Assert.All(last.Stop, s => Assert.Equal(StopReason.ReplacedByDeployment, s.Reason));
        Assert.Equal(["ecs-svc/1"], last.DrainedDeployments);
    }

    [Fact]
    public void Reconcile_Rollout50To200_StopsHalfWhileStarting()
    {
        var plan = Reconcile(4, New, [.. HealthyMany("o", 4, Old)], 50, 200);

        Assert.Equal(4, plan.PlaceCount);
        Assert.Equal(2, plan.Stop.Count);
    }

    [Fact]
    public void Reconcile_Rollout0To100_StopsAllThenStarts()
    {
        var first = Reconcile(4, New, [.. HealthyMany("o", 4, Old)], 0, 100);
        var second = Reconcile(4, New, [], 0, 100);

        Assert.Equal(0, first.PlaceCount);
        Assert.Equal(4, first.Stop.Count);
        Assert.Equal(4, second.PlaceCount);
    }

    [Fact]
    public void Reconcile_Rollout100To100_BlockedByConfiguration()
    {
        var plan = Reconcile(2, New, [.. HealthyMany("o", 2, Old)], 100, 100);

        Assert.Equal(0, plan.PlaceCount);
        Assert.Empty(plan.Stop);
        Assert.True(plan.BlockedByDeploymentConfiguration);
    }

    [Fact]
    public void Reconcile_UnhealthyTask_ReplacedAndStopped()
    {
        var tasks = new[] { Healthy("n1", New), Healthy("n2", New) with { Health = TaskHealth.Unhealthy } };

        var plan = Reconcile(2, New, tasks);

        Assert.Equal(1, plan.PlaceCount);
        Assert.Equal([new TaskStop("n2", StopReason.Unhealthy)], plan.Stop);
    }

    [Fact]
    public void Reconcile_DrainingInstance_ReplacesBeforeStopping()
    {
        var tasks = new[] { Healthy("n1", New, host: HostCondition.Draining), Healthy("n2", New, host: HostCondition.Draining) };

        var first = Reconcile(2, New, tasks);
        var second = Reconcile(2, New, [.. tasks, .. HealthyMany("r", 2, New)]);

        Assert.Equal(2, first.PlaceCount);
        Assert.Empty(first.Stop);
        Assert.Equal(0, second.PlaceCount);
        Assert.All(second.Stop, s => Assert.Equal(StopReason.InstanceDraining, s.Reason));
        Assert.Equal(2, second.Stop.Count);
    }

    [Fact]
    public void Reconcile_LostInstance_StopsAndReplacesAtOnce()
    {
        var tasks = new[] { Healthy("n1", New), Healthy("n2", New, host: HostCondition.Lost) };

        var plan = Reconcile(2, New, tasks, 100, 100);

        Assert.Equal(1, plan.PlaceCount);
        Assert.Equal([new TaskStop("n2", StopReason.InstanceLost)], plan.Stop);
    }

    [Fact]
    public void Reconcile_ScaleIn_KeepsZonesBalanced()
    {
        var tasks = new[]
        {
            Healthy("a1", New, "a", "i1"), Healthy("a2", New, "a", "i1"), Healthy("a3", New, "a", "i2"),
            Healthy("b1", New, "b", "i3"),
        };

        var plan = Reconcile(2, New, tasks);

        Assert.Equal(2, plan.Stop.Count);
        Assert.All(plan.Stop, s => Assert.StartsWith("a", s.TaskArn, StringComparison.Ordinal));
        Assert.Contains(plan.Stop, s => s.TaskArn is "a1" or "a2");
        Assert.All(plan.Stop, s => Assert.Equal(StopReason.ScaleIn, s.Reason));
    }

    [Fact]
    public void Reconcile_ScaleIn_PendingTasksFirst()
    {
        var tasks = new[] { Healthy("h1", New), Healthy("h2", New), Pending("p1", New) };

        var plan = Reconcile(2, New, tasks);

        Assert.Equal([new TaskStop("p1", StopReason.ScaleIn)], plan.Stop);
    }

    [Fact]
    public void Reconcile_ScaleToZero_StopsEverything()
    {
        var plan = Reconcile(0, New, [.. HealthyMany("n", 3, New), .. HealthyMany("o", 2, Old)]);

        Assert.Equal(5, plan.Stop.Count);
        Assert.Empty(plan.Ignore);
    }

    [Fact]
    public void Reconcile_Throttled_HoldsPlacementsBack()
    {
        var plan = ReplicaReconciler.Reconcile(new ReplicaReconcileInput
        {
            DesiredCount = 3,
            Primary = New,
            Tasks = [],
            LaunchThrottled = true,
        });

        Assert.Equal(0, plan.PlaceCount);
        Assert.Equal(3, plan.ThrottledPlacements);
        Assert.False(plan.BlockedByDeploymentConfiguration);
    }

    [Fact]
    public void Reconcile_FailedPrimary_LaunchesNothingKeepsOld()
    {
        var failed = New with { RolloutState = DeploymentRolloutState.Failed };

        var plan = Reconcile(2, failed, [.. HealthyMany("o", 2, Old)]);

        Assert.Equal(0, plan.PlaceCount);
        Assert.Empty(plan.Stop);
        Assert.Equal(2, plan.Ignore.Count);
    }

    [Fact]
    public void Reconcile_OldPendingTasksDuringRollout_StoppedFree()
    {
        var tasks = new[] { Healthy("o1", Old), Pending("o2", Old) };

        var plan = Reconcile(2, New, tasks, 100, 200);

        Assert.Equal([new TaskStop("o2", StopReason.ReplacedByDeployment)], plan.Stop);
        Assert.Equal(2, plan.PlaceCount);
    }

    private static ReplicaPlan Reconcile(int desired, DeploymentSnapshot primary, IReadOnlyList<ServiceTaskSnapshot> tasks, int min = 100, int max = 200) =>
        ReplicaReconciler.Reconcile(new ReplicaReconcileInput
        {
            DesiredCount = desired,
            MinimumHealthyPercent = min,
            MaximumPercent = max,
            Primary = primary,
            OlderDeployments = primary.Id == Old.Id ? [] : [Old],
            Tasks = tasks,
        });
}
