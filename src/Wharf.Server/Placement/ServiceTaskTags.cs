using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.Placement;

/// <summary>
/// The tags a service gives the tasks it starts, as ECS does: its own tags (<c>propagateTags:
/// SERVICE</c>) or its task definition's (<c>TASK_DEFINITION</c>), read when the task is created
/// (later changes to the source do not reach running tasks), plus <c>aws:ecs:clusterName</c> and
/// <c>aws:ecs:serviceName</c> when <c>enableECSManagedTags</c> is on. Staged by
/// <see cref="PlacementCommitter"/> in the transaction that creates the tasks, so every service
/// task is born with its tags whichever scheduler placed it. Stateless and thread-safe.
/// </summary>
internal static class ServiceTaskTags
{
    public const string ManagedClusterTag = "aws:ecs:clusterName";
    public const string ManagedServiceTag = "aws:ecs:serviceName";

    /// <summary>Stages the tags of each new service task in <paramref name="tasks"/> (others are left alone).</summary>
    public static async ValueTask<Action<StateWrite>?> PrepareAsync(
        StateRepository state, IReadOnlyList<TaskRecord> tasks, CancellationToken cancellationToken)
    {
        var staged = new List<TagSet>();
        var services = new Dictionary<string, ServiceRecord?>(StringComparer.Ordinal);
        var sources = new Dictionary<string, IReadOnlyList<TagRecord>>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (task.ServiceArn is not { } serviceArn)
            {
                continue;
            }

            if (!services.TryGetValue(serviceArn, out var service))
            {
                service = (await state.GetAsync<ServiceRecord>(StateKinds.Service, serviceArn, cancellationToken))?.Value;
                services[serviceArn] = service;
            }

            if (service is null)
            {
                continue;
            }

            var source = service.PropagateTags switch
            {
                "SERVICE" => service.Arn,
                "TASK_DEFINITION" => task.TaskDefinitionArn,
                _ => null,
            };
            var tags = new List<TagRecord>();
            if (source is not null)
            {
                if (!sources.TryGetValue(source, out var found))
                {
                    found = (await state.GetAsync<TagSet>(StateKinds.Tags, source, cancellationToken))?.Value.Tags ?? [];
                    sources[source] = found;
                }

                tags.AddRange(found);
            }

            if (service.EnableEcsManagedTags)
            {
                tags.RemoveAll(t => t.Key is ManagedClusterTag or ManagedServiceTag);
                tags.Add(new TagRecord(ManagedClusterTag, ClusterName(task.ClusterArn)));
                tags.Add(new TagRecord(ManagedServiceTag, service.Name));
            }

            if (tags.Count > 0)
            {
                staged.Add(new TagSet { ResourceArn = task.Arn, Tags = tags });
            }
        }

        return staged.Count == 0
            ? null
            : write => staged.ForEach(set => write.Put(StateKinds.Tags, set.ResourceArn, "", set, 0));
    }

    private static string ClusterName(string clusterArn) => clusterArn[(clusterArn.LastIndexOf('/') + 1)..];
}
