using CsCheck;
using Wharf.Scheduling.Reconcilers;
using Xunit;

namespace Wharf.Scheduling.Tests.Reconcilers;

/// <summary>
/// For any sequence of task starts, health changes, failures, drains, host losses, scaling and
/// new deployments, every plan the reconciler makes keeps the healthy count at or above the
/// lower bound (it never stops a healthy task that would break it; failures may) and never
/// starts a task that would take the total past the upper bound; and once the cluster calms
/// down, the service reaches a steady state unless its bounds leave no room to move.
/// </summary>
public sealed class ReplicaReconcilerPropertyTests
{
    private static readonly Gen<Op> Ops = Gen.Select(Gen.Int[0, 99], Gen.Int[0, 1_000], Gen.Int[0, 100], Gen.Int[100, 250], (k, a, b, c) => new Op(k, a, b, c));

    private static readonly Gen<(int Desired, int Min, int Max, int Existing, Op[] Ops)> Scenarios =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 100], Gen.Int[100, 250], Gen.Int[0, 10], Ops.Array[1, 80]);

    [Fact]
    public void Reconcile_AnyHistory_KeepsBoundsAndConverges()
    {
        Scenarios.Sample(
            (desired, min, max, existing, ops) =>
            {
                var sim = new ReplicaSimulation(desired, min, max, existing);
                foreach (var op in ops)
                {
                    Step(sim, op);
                }

                ReplicaPlan? last = null;
                for (var round = 0; round < 40 && last is not { SteadyState: true }; round++)
                {
                    last = ReconcileChecked(sim);
                    sim.Settle();
                }

                var stuckByConfiguration = last!.BlockedByDeploymentConfiguration
                    && !DeploymentBounds.For(sim.Desired, sim.Min, sim.Max).AllowsProgress(sim.Desired);
                Assert.True(last.SteadyState || stuckByConfiguration, $"did not converge: {sim}");
                if (last.SteadyState)
                {
                    Assert.Equal(sim.Desired, sim.Tasks.Count);
                    Assert.All(sim.Tasks, t => Assert.Equal(sim.Primary.Id, t.DeploymentId));
                }
            },
            iter: 3_000,
            seed: null);
    }

    private static void Step(ReplicaSimulation sim, Op op)
    {
        switch (op.Kind)
        {
            case < 30:
                ReconcileChecked(sim);
                break;
            case < 45:
                sim.Start(op.A);
                break;
            case < 60:
                sim.BecomeHealthy(op.A);
                break;
            case < 67:
                sim.BecomeUnhealthy(op.A);
                break;
            case < 75:
                sim.Fail(op.A);
                break;
            case < 79:
                sim.SetHost(op.A, HostCondition.Draining);
                break;
            case < 82:
                sim.SetHost(op.A, HostCondition.Lost);
                break;
            case < 85:
                sim.SetHost(op.A, HostCondition.Active);
                break;
            case < 93:
                sim.Deploy(op.A % 9, op.B, op.C);
                break;
            default:
                sim.Scale(op.A % 9);
                break;
        }
    }

    private static ReplicaPlan ReconcileChecked(ReplicaSimulation sim)
    {
        var before = sim.Tasks.ToDictionary(t => t.TaskArn, StringComparer.Ordinal);
        var plan = ReplicaReconciler.Reconcile(sim.Input());
        var bounds = plan.Bounds;
        var context = sim.ToString();

        var healthyBefore = before.Values.Count(t => t.IsHealthy);
        var healthyStopped = plan.Stop.Count(s => before[s.TaskArn].IsHealthy);
        Assert.True(
            healthyBefore - healthyStopped >= Math.Min(healthyBefore, bounds.Lower),
            $"stopped {healthyStopped} healthy of {healthyBefore} below lower bound {bounds.Lower}: {context}");

        var totalBefore = before.Values.Count(t => t.Host != HostCondition.Lost);
        Assert.True(
            plan.PlaceCount == 0 || totalBefore + plan.PlaceCount <= bounds.Upper,
            $"placed {plan.PlaceCount} onto {totalBefore}, above upper bound {bounds.Upper}: {context}");

        var accounted = plan.Stop.Select(s => s.TaskArn).Concat(plan.Ignore).ToList();
        Assert.Equal(before.Count, accounted.Count);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), accounted.Order(StringComparer.Ordinal));
        Assert.All(plan.Place, p => Assert.Equal(sim.Primary.Id, p.DeploymentId));
        Assert.All(
            plan.Stop.Where(s => before[s.TaskArn].IsHealthy),
            s => Assert.Contains(s.Reason, new[] { StopReason.ScaleIn, StopReason.ReplacedByDeployment, StopReason.InstanceDraining }));

        sim.Apply(plan);
        return plan;
    }

    private readonly record struct Op(int Kind, int A, int B, int C);
}
