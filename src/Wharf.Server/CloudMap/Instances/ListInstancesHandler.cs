using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Instances;

/// <summary>ListInstances: every registered instance of a service, paged.</summary>
internal sealed class ListInstancesHandler(CloudMapState state, CloudMapNames names) : IOperationHandler<ListInstancesRequest, ListInstancesResponse>
{
    public async ValueTask<ListInstancesResponse> HandleAsync(ListInstancesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var service = await state.ServiceAsync(input.ServiceId, cancellationToken);
        var instances = await state.InstancesAsync(service.Value.Id, cancellationToken);
        var (items, next) = CloudMapPage.Slice(instances, i => i.Key, "ListInstances:" + service.Value.Id, input.NextToken, input.MaxResults);
        return new ListInstancesResponse
        {
            ResourceOwner = names.AccountId,
            Instances = items.Select(i => new InstanceSummary
            {
                Id = i.Value.Id,
                Attributes = i.Value.Attributes.ToDictionary(),
                CreatedByAccount = names.AccountId,
            }).ToList(),
            NextToken = next,
        };
    }
}
