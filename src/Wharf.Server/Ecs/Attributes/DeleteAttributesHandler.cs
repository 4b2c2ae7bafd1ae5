using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Attributes;

/// <summary>DeleteAttributes: removes attributes from container instances by name (values are not compared).</summary>
internal sealed class DeleteAttributesHandler(StateRepository state, ClusterResolver clusters, AttributeTargetGroups targets)
    : IOperationHandler<DeleteAttributesRequest, DeleteAttributesResponse>
{
    public async ValueTask<DeleteAttributesResponse> HandleAsync(
        DeleteAttributesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var cluster = await clusters.ResolveAsync(input.Cluster, cancellationToken);
        await state.RetryAsync(async ct =>
        {
            var write = state.Begin();
            foreach (var (instance, attributes) in await targets.GroupAsync(input.Attributes, cluster.Value, checkValues: false, ct))
            {
                var names = attributes.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
                var remaining = instance.Value.Attributes.Where(a => !names.Contains(a.Name)).ToList();
                if (remaining.Count != instance.Value.Attributes.Count)
                {
                    var updated = instance.Value with { Attributes = remaining, Version = instance.Value.Version + 1 };
                    write.Put(StateKinds.ContainerInstance, instance.Key, cluster.Value.Arn, updated, instance.Version);
                }
            }

            await write.CommitAsync(ct);
            return true;
        }, cancellationToken);

        return new DeleteAttributesResponse { Attributes = input.Attributes };
    }
}
