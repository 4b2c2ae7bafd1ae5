using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;

namespace Wharf.Server.CloudMap.Instances;

/// <summary>RegisterInstance: creates or replaces an instance; the DNS server answers it from the next snapshot.</summary>
internal sealed class RegisterInstanceHandler(InstanceRegistry registry) : IOperationHandler<RegisterInstanceRequest, RegisterInstanceResponse>
{
    public async ValueTask<RegisterInstanceResponse> HandleAsync(RegisterInstanceRequest input, OperationContext context, CancellationToken cancellationToken) =>
        new()
        {
            OperationId = await registry.RegisterAsync(
                input.ServiceId!, input.InstanceId!, input.Attributes ?? [], input.CreatorRequestId, null, cancellationToken),
        };
}
