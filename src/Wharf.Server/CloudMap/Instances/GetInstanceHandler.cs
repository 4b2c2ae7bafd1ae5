using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Instances;

/// <summary>GetInstance.</summary>
internal sealed class GetInstanceHandler(CloudMapState state, CloudMapNames names) : IOperationHandler<GetInstanceRequest, GetInstanceResponse>
{
    public async ValueTask<GetInstanceResponse> HandleAsync(GetInstanceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var service = await state.ServiceAsync(input.ServiceId, cancellationToken);
        var instance = await state.InstanceAsync(service.Value.Id, input.InstanceId, cancellationToken);
        return new GetInstanceResponse
        {
            ResourceOwner = names.AccountId,
            Instance = new Instance
            {
                Id = instance.Value.Id,
                CreatorRequestId = instance.Value.CreatorRequestId,
                Attributes = instance.Value.Attributes.ToDictionary(),
                CreatedByAccount = names.AccountId,
            },
        };
    }
}
