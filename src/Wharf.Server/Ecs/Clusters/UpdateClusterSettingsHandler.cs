using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>UpdateClusterSettings: the given settings replace those of the same name.</summary>
internal sealed class UpdateClusterSettingsHandler(StateRepository state, ClusterResolver clusters, ClusterView view)
    : IOperationHandler<UpdateClusterSettingsRequest, UpdateClusterSettingsResponse>
{
    public async ValueTask<UpdateClusterSettingsResponse> HandleAsync(
        UpdateClusterSettingsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ClusterRules.ValidateSettings(input.Settings);

        var record = await state.RetryAsync(async ct =>
        {
            var cluster = await clusters.ResolveAsync(input.Cluster, ct);
            var updated = cluster.Value with { Settings = ClusterRules.MergeSettings(cluster.Value.Settings, input.Settings) };
            var write = state.Begin();
            write.Put(StateKinds.Cluster, cluster.Key, "", updated, cluster.Version);
            await write.CommitAsync(ct);
            return updated;
        }, cancellationToken);

        return new UpdateClusterSettingsResponse { Cluster = await view.BuildAsync(record, ClusterFields.Settings, cancellationToken) };
    }
}
