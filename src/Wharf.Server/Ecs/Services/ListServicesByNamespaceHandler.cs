using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// ListServicesByNamespace: services that use a Service Connect namespace. Wharf has no service
/// discovery yet, so no service is in any namespace: the list is empty (the token is still checked).
/// </summary>
internal sealed class ListServicesByNamespaceHandler
    : IOperationHandler<ListServicesByNamespaceRequest, ListServicesByNamespaceResponse>
{
    private const string Scope = "ListServicesByNamespace";

    public ValueTask<ListServicesByNamespaceResponse> HandleAsync(
        ListServicesByNamespaceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(input.Namespace))
        {
            throw EcsErrors.InvalidParameter("namespace must be given.");
        }

        var page = PageToken.Slice(Array.Empty<string>(), s => s, Scope, input.NextToken, input.MaxResults);
        return ValueTask.FromResult(new ListServicesByNamespaceResponse { ServiceArns = [.. page.Items], NextToken = page.NextToken });
    }
}
