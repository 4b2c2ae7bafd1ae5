using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;

namespace Wharf.Server.CloudMap.Instances;

/// <summary>DeregisterInstance.</summary>
internal sealed class DeregisterInstanceHandler(InstanceRegistry registry) : IOperationHandler<DeregisterInstanceRequest, DeregisterInstanceResponse>
{
    public async ValueTask<DeregisterInstanceResponse> HandleAsync(DeregisterInstanceRequest input, OperationContext context, CancellationToken cancellationToken) =>
        new() { OperationId = await registry.DeregisterAsync(input.ServiceId!, input.InstanceId!, cancellationToken) };
}
