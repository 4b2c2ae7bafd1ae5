using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;

namespace Wharf.Server.CloudMap.Namespaces;

/// <summary>CreateHttpNamespace: discoverable through DiscoverInstances only.</summary>
internal sealed class CreateHttpNamespaceHandler(NamespaceCreator creator)
    : IOperationHandler<CreateHttpNamespaceRequest, CreateHttpNamespaceResponse>
{
    public async ValueTask<CreateHttpNamespaceResponse> HandleAsync(
        CreateHttpNamespaceRequest input, OperationContext context, CancellationToken cancellationToken) => new()
        {
            OperationId = await creator.CreateAsync(
                "HTTP", input.Name, input.CreatorRequestId, input.Description, null, null, input.Tags, cancellationToken),
        };
}
