using System.Text.Json.Nodes;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>UpdateCluster: settings merged by name; configuration and Service Connect defaults replaced when given.</summary>
internal sealed class UpdateClusterHandler(StateRepository state, ClusterResolver clusters, ClusterView view)
    : IOperationHandler<UpdateClusterRequest, UpdateClusterResponse>
{
    public async ValueTask<UpdateClusterResponse> HandleAsync(UpdateClusterRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ClusterRules.ValidateSettings(input.Settings);
        ClusterRules.ValidateConfiguration(input.Configuration);

        var record = await state.RetryAsync(async ct =>
        {
            var cluster = await clusters.ResolveAsync(input.Cluster, ct);
            var updated = cluster.Value with
            {
                Settings = ClusterRules.MergeSettings(cluster.Value.Settings, input.Settings),
                Configuration = input.Configuration is null ? cluster.Value.Configuration : WireJson.ToNode<JsonObject>(input.Configuration),
                ServiceConnectDefaults = input.ServiceConnectDefaults is null
                    ? cluster.Value.ServiceConnectDefaults
                    : WireJson.ToNode<JsonObject>(ClusterRules.ServiceConnectDefaults(input.ServiceConnectDefaults)),
            };

            var write = state.Begin();
            write.Put(StateKinds.Cluster, cluster.Key, "", updated, cluster.Version);
            await write.CommitAsync(ct);
            return updated;
        }, cancellationToken);

        return new UpdateClusterResponse { Cluster = await view.BuildAsync(record, ClusterMapper.MutationFields, cancellationToken) };
    }
}
