using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Services;

/// <summary>GetService.</summary>
internal sealed class GetServiceHandler(CloudMapState state, CloudMapNames names) : IOperationHandler<GetServiceRequest, GetServiceResponse>
{
    public async ValueTask<GetServiceResponse> HandleAsync(GetServiceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var service = await state.ServiceAsync(input.Id, cancellationToken);
        var instances = await state.InstancesAsync(service.Value.Id, cancellationToken);
        return new GetServiceResponse { Service = CloudMapMapper.Service(service.Value, instances.Count, names.AccountId) };
    }
}
