using CsCheck;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Reconcilers;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Reconcilers;

/// <summary>
/// For any history of health changes, failures, drains and deployments, a daemon never ends up
/// with two tasks on one instance, a rollout never stops a healthy task below the minimum, and
/// a calm cluster converges to one healthy primary task per ACTIVE instance.
/// </summary>
public sealed class DaemonReconcilerPropertyTests
{
    private const int Hosts = 5;

    private static readonly Gen<(int Kind, int Pick)> Ops = Gen.Select(Gen.Int[0, 99], Gen.Int[0, 1_000]);

    [Fact]
    public void Reconcile_AnyHistory_OnePerInstanceWithinMinimum()
    {
        Gen.Select(Gen.Int[0, 100], Ops.Array[1, 60]).Sample(
            (min, ops) =>
            {
                var statuses = Enumerable.Repeat(InstanceStatus.Active, Hosts).ToArray();
                var tasks = new List<ServiceTaskSnapshot>();
                var deployment = 1;
                var seq = 0;
                DeploymentSnapshot Primary() => new($"ecs-svc/{deployment}", $"agent:{deployment}", DateTimeOffset.UnixEpoch.AddMinutes(deployment));

                DaemonPlan Step()
                {
                    var instances = Enumerable.Range(0, Hosts)
                        .Select(h => Instance(h, status: statuses[h], running: tasks.Count(t => t.ContainerInstanceArn == Arn(h))))
                        .ToList();
                    var input = new DaemonReconcileInput
                    {
                        Instances = instances,
                        Request = Request(memory: 64, cpu: 0, group: "service:agent"),
                        Primary = Primary(),
                        OlderDeployments = [.. Enumerable.Range(1, deployment - 1).Select(d => new DeploymentSnapshot($"ecs-svc/{d}", $"agent:{d}", DateTimeOffset.UnixEpoch.AddMinutes(d)))],
                        Tasks = [.. tasks],
                        MinimumHealthyPercent = min,
                    };
                    var plan = DaemonReconciler.Reconcile(input);

                    var active = Enumerable.Range(0, Hosts).Count(h => statuses[h] == InstanceStatus.Active);
                    var lower = DeploymentBounds.For(active, min, 100).Lower;
                    var healthyOnActive = tasks.Count(t => t.IsHealthy && statuses[HostOf(t)] == InstanceStatus.Active);
                    var replacedHealthy = plan.Stop.Count(s => s.Reason == StopReason.ReplacedByDeployment && tasks.Single(t => t.TaskArn == s.TaskArn).IsHealthy);
                    Assert.True(replacedHealthy <= Math.Max(0, healthyOnActive - lower), $"stopped {replacedHealthy} healthy, lower {lower}");

                    var stopped = plan.Stop.Select(s => s.TaskArn).ToHashSet();
                    tasks.RemoveAll(t => stopped.Contains(t.TaskArn));
                    foreach (var place in plan.Place)
                    {
                        Assert.DoesNotContain(tasks, t => t.ContainerInstanceArn == place.ContainerInstanceArn);
                        tasks.Add(new ServiceTaskSnapshot { TaskArn = $"t{++seq}", DeploymentId = place.DeploymentId, ContainerInstanceArn = place.ContainerInstanceArn, State = ServiceTaskState.Pending });
                    }

                    Assert.All(tasks.GroupBy(t => t.ContainerInstanceArn), g => Assert.Single(g));
                    return plan;
                }

                foreach (var (kind, pick) in ops)
                {
                    var index = tasks.Count == 0 ? -1 : pick % tasks.Count;
                    switch (kind)
                    {
                        case < 35:
                            Step();
                            break;
                        case < 55 when index >= 0:
                            tasks[index] = tasks[index] with { State = ServiceTaskState.Running, Health = TaskHealth.Healthy };
                            break;
                        case < 62 when index >= 0:
                            tasks[index] = tasks[index] with { State = ServiceTaskState.Running, Health = TaskHealth.Unhealthy };
                            break;
                        case < 70 when index >= 0:
                            tasks.RemoveAt(index);
                            break;
                        case < 78:
                            statuses[pick % Hosts] = InstanceStatus.Draining;
                            break;
                        case < 86:
                            statuses[pick % Hosts] = InstanceStatus.Active;
                            break;
                        case < 100:
                            deployment++;
                            break;
                    }
                }

                DaemonPlan? last = null;
                for (var round = 0; round < 20 && last is not { SteadyState: true }; round++)
                {
                    last = Step();
                    for (var i = 0; i < tasks.Count; i++)
                    {
                        tasks[i] = tasks[i] with { State = ServiceTaskState.Running, Health = TaskHealth.Healthy };
                    }
                }

                var active = statuses.Count(s => s == InstanceStatus.Active);
                var stuck = last!.BlockedByDeploymentConfiguration && !DeploymentBounds.For(active, min, 100).AllowsProgress(active);
                Assert.True(last.SteadyState || stuck, $"daemon did not converge: min {min}, primary {Primary().Id}, " +
                    string.Join(", ", tasks.Select(t => $"{t.TaskArn}@{t.DeploymentId}/{t.ContainerInstanceArn?[^4..]}/{t.Health}")) +
                    " statuses " + string.Join(",", statuses));
                if (last.SteadyState)
                {
                    Assert.Equal(active, tasks.Count);
                }
            },
            iter: 2_000);
    }

    private static string Arn(int host) => Instance(host).ContainerInstanceArn;

    private static int HostOf(ServiceTaskSnapshot task) => Enumerable.Range(0, Hosts).First(h => Arn(h) == task.ContainerInstanceArn);
}
