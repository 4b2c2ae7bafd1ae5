using Wharf.Core.Model;
using Wharf.Protocol.AgentChannel;
using Wharf.Server.CloudWatch.Metrics;
using Wharf.Server.State;

namespace Wharf.Server.CloudWatch.Ecs;

/// <summary>
/// Turns one agent's container stats into ECS's <c>AWS/ECS</c> metrics, as ECS defines them:
/// service CPUUtilization and MemoryUtilization {ClusterName, ServiceName} are what a task's
/// containers use over what the task reserved, one sample per task (so Average, Minimum and
/// Maximum are across tasks and time, and SampleCount counts task samples); cluster
/// CPUUtilization, MemoryUtilization, CPUReservation and MemoryReservation {ClusterName} are what
/// the instance's tasks use or reserve over what the instance registered, one sample per instance
/// (none for the Fargate pool's instances, which belong to no cluster).
/// A task with no CPU (or memory) reservation contributes no service CPU (or memory) sample.
/// </summary>
internal static class EcsMetricsBuilder
{
    public const string Namespace = "AWS/ECS";

    public static List<MetricSample> Build(
        ContainerInstanceRecord? instance, IReadOnlyList<(TaskRecord Task, TaskStats Stats)> tasks, DateTimeOffset at)
    {
        var samples = new List<MetricSample>();
        foreach (var (task, stats) in tasks)
        {
            if (task.Group is not { } group || !group.StartsWith("service:", StringComparison.Ordinal))
            {
                continue;
            }

            var dimensions = new Dictionary<string, string>
            {
                ["ClusterName"] = ResourceNames.ClusterNameOf(task.ClusterArn),
                ["ServiceName"] = group["service:".Length..],
            };
            var cpu = stats.Containers.Sum(c => c.CpuUnits);
            var memory = stats.Containers.Sum(c => c.MemoryMiB);
            if (task.ReservedCpu > 0)
            {
                samples.Add(Percent("CPUUtilization", dimensions, at, cpu / task.ReservedCpu));
            }

            if (task.ReservedMemory > 0)
            {
                samples.Add(Percent("MemoryUtilization", dimensions, at, memory / task.ReservedMemory));
            }
        }

        // Fargate capacity is no instance of the user's: as on AWS, cluster metrics count EC2 instances only.
        if (instance is { RegisteredCpu: > 0, RegisteredMemory: > 0 } && instance.CapacityProviderName != FargateCapacity.Fargate)
        {
            var cluster = new Dictionary<string, string> { ["ClusterName"] = ResourceNames.ClusterNameOf(instance.ClusterArn) };
            samples.Add(Percent("CPUUtilization", cluster, at, tasks.Sum(t => t.Stats.Containers.Sum(c => c.CpuUnits)) / instance.RegisteredCpu));
            samples.Add(Percent("MemoryUtilization", cluster, at, tasks.Sum(t => t.Stats.Containers.Sum(c => c.MemoryMiB)) / instance.RegisteredMemory));
            samples.Add(Percent("CPUReservation", cluster, at, (double)tasks.Sum(t => t.Task.ReservedCpu) / instance.RegisteredCpu));
            samples.Add(Percent("MemoryReservation", cluster, at, (double)tasks.Sum(t => t.Task.ReservedMemory) / instance.RegisteredMemory));
        }

        return samples;
    }

    private static MetricSample Percent(string name, Dictionary<string, string> dimensions, DateTimeOffset at, double ratio) =>
        MetricSample.Single(new MetricKey(Namespace, name, dimensions), at, ratio * 100, "Percent");
}
