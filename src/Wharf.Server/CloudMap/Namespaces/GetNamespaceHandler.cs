using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Namespaces;

/// <summary>GetNamespace.</summary>
internal sealed class GetNamespaceHandler(CloudMapState state, CloudMapNames names) : IOperationHandler<GetNamespaceRequest, GetNamespaceResponse>
{
    public async ValueTask<GetNamespaceResponse> HandleAsync(GetNamespaceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var ns = await state.NamespaceAsync(input.Id, cancellationToken);
        var services = await state.ServicesAsync(ns.Value.Id, cancellationToken);
        return new GetNamespaceResponse { Namespace = CloudMapMapper.Namespace(ns.Value, services.Count, names.AccountId) };
    }
}
