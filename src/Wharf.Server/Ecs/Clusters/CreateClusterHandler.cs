using System.Text.Json.Nodes;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>
/// CreateCluster. Idempotent as in ECS: naming an ACTIVE cluster returns it unchanged. A name whose
/// cluster was deleted (INACTIVE) gets a fresh cluster, without the old one's tags.
/// </summary>
internal sealed class CreateClusterHandler(StateRepository state, ResourceNames names, TimeProvider time, ClusterView view)
    : IOperationHandler<CreateClusterRequest, CreateClusterResponse>
{
    public async ValueTask<CreateClusterResponse> HandleAsync(CreateClusterRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var name = input.ClusterName ?? Core.Arns.ResourceNames.DefaultClusterName;
        ClusterRules.ValidateName(name);
        ClusterRules.ValidateSettings(input.Settings);
        ClusterRules.ValidateConfiguration(input.Configuration);
        ClusterRules.ValidateCapacityProviders(input.CapacityProviders, input.DefaultCapacityProviderStrategy);
        ResourceTags.Validate(input.Tags);

        var record = await state.RetryAsync(async ct =>
        {
            var existing = await state.GetAsync<ClusterRecord>(StateKinds.Cluster, name, ct);
            if (existing?.Value.Status == EcsStatus.Active)
            {
                return existing.Value;
            }

            var arn = names.Cluster(name);
            var created = new ClusterRecord
            {
                Name = name,
                Arn = arn,
                Status = EcsStatus.Active,
                CreatedAt = time.GetUtcNow(),
                Settings = ClusterRules.MergeSettings(null, input.Settings),
                Configuration = WireJson.ToNode<JsonObject>(input.Configuration),
                CapacityProviders = input.CapacityProviders ?? [],
                DefaultCapacityProviderStrategy = WireJson.ToNode<JsonArray>(input.DefaultCapacityProviderStrategy),
                ServiceConnectDefaults = WireJson.ToNode<JsonObject>(ClusterRules.ServiceConnectDefaults(input.ServiceConnectDefaults)),
            };

            var write = state.Begin();
            write.Put(StateKinds.Cluster, name, "", created, existing?.Version ?? 0);
            var oldTags = await state.GetAsync<TagSet>(StateKinds.Tags, arn, ct);
            ResourceTags.Replace(write, arn, oldTags, input.Tags);
            await write.CommitAsync(ct);
            return created;
        }, cancellationToken);

        return new CreateClusterResponse { Cluster = await view.BuildAsync(record, ClusterMapper.MutationFields, cancellationToken) };
    }
}
