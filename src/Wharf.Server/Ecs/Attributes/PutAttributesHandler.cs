using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Attributes;

/// <summary>
/// PutAttributes: adds or replaces attributes on container instances (up to 10 per call, 10 custom
/// ones per instance); all targets change in one commit, or none.
/// </summary>
internal sealed class PutAttributesHandler(StateRepository state, ClusterResolver clusters, AttributeTargetGroups targets)
    : IOperationHandler<PutAttributesRequest, PutAttributesResponse>
{
    public async ValueTask<PutAttributesResponse> HandleAsync(PutAttributesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var cluster = await clusters.ResolveAsync(input.Cluster, cancellationToken);
        await state.RetryAsync(async ct =>
        {
            var write = state.Begin();
            foreach (var (instance, attributes) in await targets.GroupAsync(input.Attributes, cluster.Value, checkValues: true, ct))
            {
                var merged = AttributeRules.Merge(instance.Value.Attributes, attributes, instance.Value.Arn);
                var updated = instance.Value with { Attributes = merged, Version = instance.Value.Version + 1 };
                write.Put(StateKinds.ContainerInstance, instance.Key, cluster.Value.Arn, updated, instance.Version);
            }

            await write.CommitAsync(ct);
            return true;
        }, cancellationToken);

        return new PutAttributesResponse { Attributes = input.Attributes };
    }
}
