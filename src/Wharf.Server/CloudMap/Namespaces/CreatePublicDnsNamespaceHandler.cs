using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;

namespace Wharf.Server.CloudMap.Namespaces;

/// <summary>CreatePublicDnsNamespace: served by the same DNS server as private ones.</summary>
internal sealed class CreatePublicDnsNamespaceHandler(NamespaceCreator creator)
    : IOperationHandler<CreatePublicDnsNamespaceRequest, CreatePublicDnsNamespaceResponse>
{
    public async ValueTask<CreatePublicDnsNamespaceResponse> HandleAsync(
        CreatePublicDnsNamespaceRequest input, OperationContext context, CancellationToken cancellationToken) => new()
        {
            OperationId = await creator.CreateAsync(
                "DNS_PUBLIC", input.Name, input.CreatorRequestId, input.Description, null,
                input.Properties?.DnsProperties?.SOA?.TTL, input.Tags, cancellationToken),
        };
}
