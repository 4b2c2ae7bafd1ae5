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
        // The pause container of an awsvpc task is no container of its definition.
        var pauses = snapshots.Where(s => s.Labels.GetValueOrDefault(DockerLabels.PauseContainer) == "true")
            .OrderBy(Liveliness).ToList();
        // One container per name: a duplicate (should one ever exist) is removed at cleanup.
        var byName = snapshots.Except(pauses)
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
            NetworkMode = pauses.Count > 0 ? "awsvpc" : "bridge",
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
        if (pauses.Count > 0)
        {
            manager._strayContainerIds.AddRange(pauses.Skip(1).Select(s => s.Id));
            manager._containers.Add(FromSnapshot(ManagedContainer.Pause(pauses[0].Image), pauses[0], ctx));
        }

        foreach (var (definition, (_, snapshot, strays)) in spec.Containers.Zip(byName))
        {
            manager._strayContainerIds.AddRange(strays.Select(s => s.Id));
            manager._containers.Add(FromSnapshot(new ManagedContainer(definition), snapshot, ctx));
        }

        return manager;
    }

    private static ManagedContainer FromSnapshot(ManagedContainer container, ContainerSnapshot snapshot, EngineContext ctx)
    {
        container.RuntimeId = snapshot.Id;
        container.DockerName = snapshot.Name;
        container.ImageId = snapshot.ImageId;
        container.Health = snapshot.Health;
        container.Bindings = snapshot.PortBindings;
        container.StartedAt = snapshot.StartedAt;
        container.EverStarted = snapshot.StartedAt is not null || snapshot.IsRunning;
        if (snapshot.IsRunning)
        {
            container.Ipv4Address = snapshot.Ipv4Address;
            container.MacAddress = snapshot.MacAddress;
        }

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
