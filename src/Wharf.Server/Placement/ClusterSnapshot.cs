using Wharf.Core.Model;
using Wharf.Scheduling.Model;
using Wharf.Server.State;

namespace Wharf.Server.Placement;

/// <summary>
/// One consistent read of a cluster for placement: the scheduler's view of every registered
/// instance, plus the store records (with the versions they were read at) that a commit must
/// expect. Immutable once built.
/// </summary>
internal sealed class ClusterSnapshot
{
    private readonly Dictionary<string, InstanceSnapshot> byArn;

    public ClusterSnapshot(
        string clusterArn,
        IReadOnlyList<InstanceSnapshot> instances,
        IReadOnlyDictionary<string, Versioned<ContainerInstanceRecord>> records,
        IReadOnlyList<Versioned<TaskRecord>> activeTasks)
    {
        ClusterArn = clusterArn;
        Instances = instances;
        Records = records;
        ActiveTasks = activeTasks;
        byArn = instances.ToDictionary(i => i.ContainerInstanceArn, StringComparer.Ordinal);
    }

    public string ClusterArn { get; }

    /// <summary>Every container instance of the cluster (any status), in ARN order.</summary>
    public IReadOnlyList<InstanceSnapshot> Instances { get; }

    /// <summary>The instance records by ARN, at the versions read.</summary>
    public IReadOnlyDictionary<string, Versioned<ContainerInstanceRecord>> Records { get; }

    /// <summary>The cluster's tasks whose <c>lastStatus</c> is not STOPPED (they hold resources).</summary>
    public IReadOnlyList<Versioned<TaskRecord>> ActiveTasks { get; }

    public InstanceSnapshot? Find(string containerInstanceArn) => byArn.GetValueOrDefault(containerInstanceArn);

    /// <summary>The partition of the Fargate pool's instances (null: the snapshot holds none).</summary>
    public string? FargatePool { get; init; }

    /// <summary>Whether the instance is Fargate capacity rather than one of the cluster's own.</summary>
    public bool IsFargate(string containerInstanceArn) =>
        FargatePool is not null && Records.TryGetValue(containerInstanceArn, out var record) && record.Value.ClusterArn == FargatePool;

    /// <summary>
    /// The instances a task of <paramref name="launchType"/> may go to: the Fargate pool's for
    /// FARGATE, the cluster's own for EC2 and EXTERNAL.
    /// </summary>
    public IReadOnlyList<InstanceSnapshot> InstancesFor(string launchType)
    {
        var fargate = launchType == FargateCapacity.LaunchType;
        return FargatePool is null && !fargate
            ? Instances
            : Instances.Where(i => IsFargate(i.ContainerInstanceArn) == fargate).ToList();
    }
}
