using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// Turns a container instance id or ARN of a request into the stored instance, and lists an
/// instance's tasks. A malformed id, or an ARN of another cluster, region or account, is an
/// <c>InvalidParameterException</c>. Stateless and thread-safe.
/// </summary>
internal sealed class ContainerInstanceResolver(StateRepository state, ArnParser arns, State.ResourceNames names)
{
    /// <summary>The long ARN (the store key) of the instance a reference names in <paramref name="cluster"/>.</summary>
    public string ArnOf(string? reference, ClusterRecord cluster) =>
        arns.TryParseContainerInstanceReference(reference, cluster.Name, out var id, out var error)
            ? names.ContainerInstance(cluster.Name, id)
            : throw EcsErrors.InvalidParameter(error);

    /// <summary>The instance (any status) or null.</summary>
    public ValueTask<Versioned<ContainerInstanceRecord>?> FindAsync(string? reference, ClusterRecord cluster, CancellationToken cancellationToken) =>
        state.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, ArnOf(reference, cluster), cancellationToken);

    /// <summary>The cluster's tasks grouped by the instance they are on (tasks not yet placed are left out).</summary>
    public async ValueTask<ILookup<string, TaskRecord>> TasksByInstanceAsync(string clusterArn, CancellationToken cancellationToken)
    {
        var tasks = await state.ListAsync<TaskRecord>(StateKinds.Task, clusterArn, cancellationToken);
        return tasks.Select(t => t.Value).Where(t => t.ContainerInstanceArn is not null).ToLookup(t => t.ContainerInstanceArn!, StringComparer.Ordinal);
    }
}
