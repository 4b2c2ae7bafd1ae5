using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Scheduling.Model;
using Wharf.Server.Placement;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// A RunTask/StartTask request that passed validation: the cluster, the blueprint of the tasks,
/// how they are started and the tags each gets. Mints task records for placements. Immutable.
/// </summary>
internal sealed class PreparedLaunch(
    ArnFormatter arns,
    EcsIdGenerator ids,
    ClusterRecord cluster,
    TaskBlueprint blueprint,
    NewTaskOptions options,
    IReadOnlyList<TagRecord> tags)
{
    public ClusterRecord Cluster => cluster;

    public TaskBlueprint Blueprint => blueprint;

    public NewTaskOptions Options => options;

    /// <summary>The capacity provider strategy the tasks are split by; empty when they go by launch type.</summary>
    public IReadOnlyList<CapacityProviderStrategyRecord> CapacityProviderStrategy { get; init; } = [];

    /// <summary>The tags every task of the launch gets (request, propagated and ECS-managed).</summary>
    public IReadOnlyList<TagRecord> Tags => tags;

    public TaskRecord NewTask(InstanceSnapshot instance, DateTimeOffset now) =>
        blueprint.NewTask(arns, ids, cluster, instance, options, now);

    public List<Tag> WireTags() => tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList();

    /// <summary>Stages a new task's tags (nothing when it has none).</summary>
    public void StageTags(StateWrite write, TaskRecord task)
    {
        if (tags.Count > 0)
        {
            write.Put(StateKinds.Tags, task.Arn, "", new TagSet { ResourceArn = task.Arn, Tags = tags }, 0);
        }
    }
}
