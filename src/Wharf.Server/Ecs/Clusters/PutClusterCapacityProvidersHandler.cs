using System.Text.Json.Nodes;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>
/// PutClusterCapacityProviders: replaces the cluster's capacity providers and default strategy
/// (an empty list removes them). Stored and reported; Wharf places every task on its own instances.
/// </summary>
internal sealed class PutClusterCapacityProvidersHandler(StateRepository state, ClusterResolver clusters, ClusterView view)
    : IOperationHandler<PutClusterCapacityProvidersRequest, PutClusterCapacityProvidersResponse>
{
    public async ValueTask<PutClusterCapacityProvidersResponse> HandleAsync(
        PutClusterCapacityProvidersRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ClusterRules.ValidateCapacityProviders(input.CapacityProviders, input.DefaultCapacityProviderStrategy);

        var record = await state.RetryAsync(async ct =>
        {
            var cluster = await clusters.ResolveAsync(input.Cluster, ct);
            var updated = cluster.Value with
            {
                CapacityProviders = input.CapacityProviders ?? [],
                DefaultCapacityProviderStrategy = WireJson.ToNode<JsonArray>(input.DefaultCapacityProviderStrategy ?? []),
            };

            var write = state.Begin();
            write.Put(StateKinds.Cluster, cluster.Key, "", updated, cluster.Version);
            await write.CommitAsync(ct);
            return updated;
        }, cancellationToken);

        return new PutClusterCapacityProvidersResponse
        {
            Cluster = await view.BuildAsync(record, ClusterMapper.MutationFields, cancellationToken),
        };
    }
}
