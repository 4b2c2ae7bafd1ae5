using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;

namespace Wharf.Server.CloudMap.Namespaces;

/// <summary>CreatePrivateDnsNamespace: a zone the DNS server answers for.</summary>
internal sealed class CreatePrivateDnsNamespaceHandler(NamespaceCreator creator)
    : IOperationHandler<CreatePrivateDnsNamespaceRequest, CreatePrivateDnsNamespaceResponse>
{
    public async ValueTask<CreatePrivateDnsNamespaceResponse> HandleAsync(
        CreatePrivateDnsNamespaceRequest input, OperationContext context, CancellationToken cancellationToken) => new()
        {
            OperationId = await creator.CreateAsync(
                "DNS_PRIVATE", input.Name, input.CreatorRequestId, input.Description, input.Vpc,
                input.Properties?.DnsProperties?.SOA?.TTL, input.Tags, cancellationToken),
        };
}
