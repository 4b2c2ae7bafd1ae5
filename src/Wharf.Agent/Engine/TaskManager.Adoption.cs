using System.Globalization;
using Wharf.Agent.Docker;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>Rebuilding a task from the containers a previous run of this agent left in Docker.</summary>
internal sealed partial class TaskManager
{
    /// <summary>
    /// A manager for a task found in Docker at start-up. Its definition is pieced together from
    /// the containers' labels (enough to apply essential-exit and stop timeouts); until the
    /// server resends the task, the manager creates and starts nothing.
    /// </summary>
    public static TaskManager Adopt(
        string taskArn, IReadOnlyList<ContainerSnapshot> snapshots, EngineContext ctx, Action<TaskManager> onFinished)
    {
        // One container per name: a duplicate (should one ever exist) is removed at cleanup.
        var byName = snapshots
            .GroupBy(s => s.Labels.GetValueOrDefault(DockerLabels.ContainerName) ?? s.Name)
            .Select(g => (Name: g.Key, Keep: g.OrderBy(Liveliness).First(), Strays: g.OrderBy(Liveliness).Skip(1)))
            .ToList();

        var first = snapshots[0].Labels;
        var spec = new TaskSpec
        {
            TaskArn = taskArn,
            ClusterArn = first.GetValueOrDefault(DockerLabels.Cluster) ?? "default",
            Family = first.GetValueOrDefault(DockerLabels.TaskDefinitionFamily) ?? "unknown",
            Revision = int.TryParse(first.GetValueOrDefault(DockerLabels.TaskDefinitionVersion), CultureInfo.InvariantCulture, out var revision)
                ? revision
                : 0,
            DesiredStatus = TaskWords.Running,
            Containers = [.. byName.Select(c => new ContainerSpec
            {
                Name = c.Name,
                Image = c.Keep.Image,
                Essential = c.Keep.Labels.GetValueOrDefault(DockerLabels.Essential) != "false",
                StopTimeout = int.TryParse(c.Keep.Labels.GetValueOrDefault(DockerLabels.StopTimeout), CultureInfo.InvariantCulture, out var stop)
                    ? stop
                    : null,
            })],
        };

        var manager = new TaskManager(spec, specFromServer: false, ctx, onFinished);
        foreach (var (definition, (_, snapshot, strays)) in spec.Containers.Zip(byName))
        {
            manager._strayContainerIds.AddRange(strays.Select(s => s.Id));
            manager._containers.Add(FromSnapshot(definition, snapshot, ctx));
        }

        return manager;
    }

    private static ManagedContainer FromSnapshot(ContainerSpec definition, ContainerSnapshot snapshot, EngineContext ctx)
    {
        var container = new ManagedContainer(definition)
        {
            RuntimeId = snapshot.Id,
            DockerName = snapshot.Name,
            ImageId = snapshot.ImageId,
            Health = snapshot.Health,
            Bindings = snapshot.PortBindings,
            StartedAt = snapshot.StartedAt,
            EverStarted = snapshot.StartedAt is not null || snapshot.IsRunning,
        };

        if (snapshot.HasExited)
        {
            container.Status = ContainerStatus.Stopped;
            container.ExitCode = snapshot.ExitCode;
            container.FinishedAt = snapshot.FinishedAt;
            container.Reason = snapshot.OomKilled ? TaskWords.OutOfMemoryReason : snapshot.Error;
        }
        else
        {
            container.Status = snapshot.IsRunning ? ContainerStatus.Running : ContainerStatus.Created;
            foreach (var binding in snapshot.PortBindings)
            {
                ctx.Ports.Reserve(binding.HostPort, binding.Protocol);
            }
        }

        return container;
    }

    /// <summary>Running before created before exited.</summary>
    private static int Liveliness(ContainerSnapshot snapshot) => snapshot.IsRunning ? 0 : snapshot.HasExited ? 2 : 1;
}
