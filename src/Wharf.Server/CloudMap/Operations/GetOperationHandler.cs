using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Operations;

/// <summary>GetOperation.</summary>
internal sealed class GetOperationHandler(StateRepository state, CloudMapNames names) : IOperationHandler<GetOperationRequest, GetOperationResponse>
{
    public async ValueTask<GetOperationResponse> HandleAsync(GetOperationRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var operation = await state.GetAsync<DiscoveryOperationRecord>(DiscoveryKinds.Operation, input.OperationId ?? "", cancellationToken)
            ?? throw CloudMapErrors.OperationNotFound(input.OperationId ?? "");
        return new GetOperationResponse { Operation = CloudMapMapper.Operation(operation.Value, names.AccountId) };
    }
}
