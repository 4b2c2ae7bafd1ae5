using Wharf.Core.Model;
using Wharf.Scheduling.Model;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Placement;
using Wharf.Server.State;

namespace Wharf.Server.Controllers.Services;

/// <summary>
/// One cluster as a service controller pass sees it: read from the store once per pass, and kept
/// current by applying each plan the pass commits, so reconciling 50 services reads the cluster
/// once instead of twice per service. Other writers (agents' state reports, RunTask) may change
/// the store meanwhile; a plan built on a stale record conflicts at commit (every new task bumps
/// its instance at the version read, every stop names the task version read) and the controller
/// then reloads the view. What a pass misses otherwise wakes the next pass, which reads afresh.
/// Instance snapshots are cached and rebuilt only for instances whose tasks changed.
/// Single-threaded: used by one pass on the controller's loop.
/// </summary>
internal sealed class ServicePassView(ClusterSnapshotBuilder builder, string clusterArn)
{
    private readonly SortedDictionary<string, Versioned<ContainerInstanceRecord>> instances = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Versioned<TaskRecord>> tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> byService = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> byInstance = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceSnapshot> cached = new(StringComparer.Ordinal);
    private ClusterSnapshot? snapshot;

    public string ClusterArn => clusterArn;

    /// <summary>Reads the cluster's instances and tasks afresh, dropping everything kept.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        var (readInstances, readTasks) = await builder.ReadAsync(clusterArn, cancellationToken);
        instances.Clear();
        tasks.Clear();
        byService.Clear();
        byInstance.Clear();
        cached.Clear();
        snapshot = null;
        foreach (var instance in readInstances)
        {
            instances[instance.Value.Arn] = instance;
        }

        foreach (var task in readTasks)
        {
            Index(task);
        }
    }

    /// <summary>The placement snapshot of the view as it stands (the same object until something changes).</summary>
    public ClusterSnapshot Snapshot()
    {
        if (snapshot is not null && snapshot.Instances.All(i => i.AgentConnected == builder.IsAgentConnected(i.ContainerInstanceArn)))
        {
            return snapshot;
        }

        var list = new List<InstanceSnapshot>(instances.Count);
        foreach (var (arn, record) in instances)
        {
            var connected = builder.IsAgentConnected(arn);
            if (!cached.TryGetValue(arn, out var instance) || instance.AgentConnected != connected)
            {
                var active = byInstance.TryGetValue(arn, out var arns)
                    ? arns.Select(a => tasks[a].Value).Where(TaskCounts.IsActive)
                    : [];
                instance = ClusterSnapshotBuilder.Snapshot(record.Value, active, connected);
                cached[arn] = instance;
            }

            list.Add(instance);
        }

        var activeTasks = tasks.Values.Where(t => TaskCounts.IsActive(t.Value)).ToList();
        snapshot = new ClusterSnapshot(clusterArn, list, new Dictionary<string, Versioned<ContainerInstanceRecord>>(instances, StringComparer.Ordinal), activeTasks)
        {
            FargatePool = builder.FargatePool,
        };
        return snapshot;
    }

    /// <summary>Every task of the service, STOPPED ones included, in key order.</summary>
    public IReadOnlyList<TaskRecord> TasksOf(string serviceArn) =>
        byService.TryGetValue(serviceArn, out var arns) ? arns.Select(a => tasks[a].Value).ToList() : [];

    /// <summary>
    /// Applies what a commit built on <paramref name="used"/> wrote (see <see cref="PlacementCommitter.Stage"/>):
    /// the new tasks at version 1, each instance they landed on bumped once, each stop at its version + 1.
    /// </summary>
    public void Apply(ClusterSnapshot used, IReadOnlyList<TaskRecord> newTasks, IReadOnlyList<(TaskRecord Task, long Version)> stops)
    {
        if (newTasks.Count == 0 && stops.Count == 0)
        {
            return;
        }

        var bumped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in newTasks)
        {
            Index(new Versioned<TaskRecord>(task, 1, task.Arn));
            if (task.ContainerInstanceArn is { } instanceArn && bumped.Add(instanceArn) && used.Records.TryGetValue(instanceArn, out var record))
            {
                instances[instanceArn] = new Versioned<ContainerInstanceRecord>(
                    record.Value with
                    {
                        PlacementGeneration = record.Value.PlacementGeneration + 1,
                        Version = record.Value.Version + 1,
                    },
                    record.Version + 1,
                    record.Key);
            }
        }

        foreach (var (task, version) in stops)
        {
            Index(new Versioned<TaskRecord>(task, version + 1, task.Arn));
        }

        snapshot = null;
    }

    private void Index(Versioned<TaskRecord> task)
    {
        var value = task.Value;
        tasks[task.Key] = task;
        if (value.ServiceArn is { } service)
        {
            Set(byService, service).Add(task.Key);
        }

        if (value.ContainerInstanceArn is { } instance)
        {
            Set(byInstance, instance).Add(task.Key);
            cached.Remove(instance);
        }
    }

    private static SortedSet<string> Set(Dictionary<string, SortedSet<string>> index, string key)
    {
        if (!index.TryGetValue(key, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            index[key] = set;
        }

        return set;
    }
}
