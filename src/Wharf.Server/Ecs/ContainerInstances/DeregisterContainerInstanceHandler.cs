using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.ContainerInstances;

/// <summary>
/// DeregisterContainerInstance: the instance becomes INACTIVE (still describable). Refused while
/// tasks that have not stopped are on it, unless <c>force</c>: then, as in ECS, those tasks are
/// left running, orphaned (the service scheduler replaces service tasks elsewhere).
/// </summary>
internal sealed class DeregisterContainerInstanceHandler(
    StateRepository state, ClusterResolver clusters, ContainerInstanceResolver instances, ContainerInstanceMapper mapper)
    : IOperationHandler<DeregisterContainerInstanceRequest, DeregisterContainerInstanceResponse>
{
    public async ValueTask<DeregisterContainerInstanceResponse> HandleAsync(
        DeregisterContainerInstanceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var cluster = await clusters.ResolveAsync(input.Cluster, cancellationToken);
        var arn = instances.ArnOf(input.ContainerInstance, cluster.Value);
        var (record, tasks) = await state.RetryAsync(async ct =>
        {
            var instance = await instances.FindAsync(arn, cluster.Value, ct)
                ?? throw EcsErrors.InvalidParameter($"The container instance {arn} was not found in the cluster.");
            var onInstance = (await instances.TasksByInstanceAsync(cluster.Value.Arn, ct))[arn].ToList();
            if (instance.Value.Status == EcsStatus.Inactive)
            {
                return (instance.Value, onInstance);
            }

            if (input.Force != true && onInstance.Exists(TaskCounts.IsActive))
            {
                throw EcsErrors.InvalidParameter("Found running tasks on the instance.");
            }

            var deregistered = instance.Value with { Status = EcsStatus.Inactive, Version = instance.Value.Version + 1 };
            var write = state.Begin();
            write.Put(StateKinds.ContainerInstance, arn, cluster.Value.Arn, deregistered, instance.Version);
            await write.CommitAsync(ct);
            return (deregistered, onInstance);
        }, cancellationToken);

        return new DeregisterContainerInstanceResponse { ContainerInstance = mapper.ToWire(record, tasks) };
    }
}
