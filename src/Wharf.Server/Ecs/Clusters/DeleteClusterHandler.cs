using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>
/// DeleteCluster: refused while the cluster has registered (ACTIVE or DRAINING) instances, active
/// services or tasks that have not stopped; otherwise the cluster becomes INACTIVE and stays
/// describable. Deleting an INACTIVE cluster returns it as it is.
/// </summary>
internal sealed class DeleteClusterHandler(StateRepository state, ClusterResolver clusters, ClusterCounter counter, ClusterView view)
    : IOperationHandler<DeleteClusterRequest, DeleteClusterResponse>
{
    public async ValueTask<DeleteClusterResponse> HandleAsync(DeleteClusterRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var record = await state.RetryAsync(async ct =>
        {
            var cluster = await clusters.FindAsync(input.Cluster, ct) ?? throw EcsErrors.ClusterNotFound();
            if (cluster.Value.Status == EcsStatus.Inactive)
            {
                return cluster.Value;
            }

            var counts = await counter.CountAsync(cluster.Value.Arn, ct);
            if (counts.RegisteredContainerInstances > 0)
            {
                throw EcsErrors.ClusterContainsContainerInstances();
            }

            if (counts.ActiveServices > 0 || counts.DrainingServices > 0)
            {
                throw EcsErrors.ClusterContainsServices();
            }

            if (counts.ActiveTasks > 0)
            {
                throw EcsErrors.ClusterContainsTasks();
            }

            var deleted = cluster.Value with { Status = EcsStatus.Inactive };
            var write = state.Begin();
            write.Put(StateKinds.Cluster, cluster.Key, "", deleted, cluster.Version);
            await write.CommitAsync(ct);
            return deleted;
        }, cancellationToken);

        return new DeleteClusterResponse { Cluster = await view.BuildAsync(record, ClusterMapper.MutationFields, cancellationToken) };
    }
}
