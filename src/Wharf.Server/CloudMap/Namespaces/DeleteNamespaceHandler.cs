using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Namespaces;

/// <summary>DeleteNamespace: refused while the namespace still has services (<c>ResourceInUse</c>).</summary>
internal sealed class DeleteNamespaceHandler(CloudMapState state, CloudMapOperations operations)
    : IOperationHandler<DeleteNamespaceRequest, DeleteNamespaceResponse>
{
    public async ValueTask<DeleteNamespaceResponse> HandleAsync(DeleteNamespaceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var repository = state.Repository;
        var operationId = await repository.RetryAsync(async ct =>
        {
            var ns = await state.NamespaceAsync(input.Id, ct);
            var services = await state.ServicesAsync(ns.Value.Id, ct);
            if (services.Count > 0)
            {
                throw CloudMapErrors.ResourceInUse($"Namespace {ns.Value.Id} has {services.Count} service(s); delete them first.");
            }

            var write = repository.Begin();
            write.Delete(DiscoveryKinds.Namespace, ns.Key, ns.Version);
            if (await repository.GetAsync<TagSet>(StateKinds.Tags, ns.Value.Arn, ct) is { } tags)
            {
                write.Delete(StateKinds.Tags, ns.Value.Arn, tags.Version);
            }

            var id = operations.Record(write, "DELETE_NAMESPACE", new Dictionary<string, string> { [CloudMapOperations.Namespace] = ns.Value.Id });
            await write.CommitAsync(ct);
            return id;
        }, cancellationToken);
        return new DeleteNamespaceResponse { OperationId = operationId };
    }
}
