using System.Text.Json.Nodes;
using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// Counts a cluster's instances, tasks and services from the stored records. Services are read as
/// plain JSON (their record belongs to the service scheduler): one whose <c>status</c> is
/// <c>DRAINING</c> is draining, one that is <c>INACTIVE</c> is gone, any other is active.
/// </summary>
internal sealed class ClusterCounter(StateRepository state)
{
    public async ValueTask<ClusterCounts> CountAsync(string clusterArn, CancellationToken cancellationToken)
    {
        var instances = await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, clusterArn, cancellationToken);
        var tasks = await state.ListAsync<TaskRecord>(StateKinds.Task, clusterArn, cancellationToken);
        var services = await state.ListAsync<JsonObject>(StateKinds.Service, clusterArn, cancellationToken);

        var serviceStatuses = services.Select(s => StatusOf(s.Value)).ToList();
        return new ClusterCounts(
            instances.Count(i => i.Value.Status != EcsStatus.Inactive),
            tasks.Count(t => TaskCounts.IsRunning(t.Value)),
            tasks.Count(t => TaskCounts.IsPending(t.Value)),
            serviceStatuses.Count(s => s is not (EcsStatus.Draining or EcsStatus.Inactive)),
            serviceStatuses.Count(s => s == EcsStatus.Draining))
        {
            ActiveTasks = tasks.Count(t => TaskCounts.IsActive(t.Value)),
        };
    }

    private static string? StatusOf(JsonObject service) =>
        service["status"] is JsonValue value && value.TryGetValue<string>(out var status) ? status : null;
}
