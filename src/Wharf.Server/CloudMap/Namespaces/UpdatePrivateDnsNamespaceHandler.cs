using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Namespaces;

/// <summary>UpdatePrivateDnsNamespace: the description and the SOA TTL.</summary>
internal sealed class UpdatePrivateDnsNamespaceHandler(CloudMapState state, CloudMapOperations operations)
    : IOperationHandler<UpdatePrivateDnsNamespaceRequest, UpdatePrivateDnsNamespaceResponse>
{
    public async ValueTask<UpdatePrivateDnsNamespaceResponse> HandleAsync(
        UpdatePrivateDnsNamespaceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var repository = state.Repository;
        var operationId = await repository.RetryAsync(async ct =>
        {
            var ns = await state.NamespaceAsync(input.Id, ct);
            if (ns.Value.Type != "DNS_PRIVATE")
            {
                throw CloudMapErrors.InvalidInput($"Namespace {ns.Value.Id} is not a private DNS namespace.");
            }

            var updated = ns.Value with
            {
                Description = input.Namespace?.Description ?? ns.Value.Description,
                SoaTtl = input.Namespace?.Properties?.DnsProperties?.SOA?.TTL ?? ns.Value.SoaTtl,
            };
            var write = repository.Begin();
            write.Put(DiscoveryKinds.Namespace, ns.Key, "", updated, ns.Version);
            var id = operations.Record(write, "UPDATE_NAMESPACE", new Dictionary<string, string> { [CloudMapOperations.Namespace] = ns.Value.Id });
            await write.CommitAsync(ct);
            return id;
        }, cancellationToken);
        return new UpdatePrivateDnsNamespaceResponse { OperationId = operationId };
    }
}
