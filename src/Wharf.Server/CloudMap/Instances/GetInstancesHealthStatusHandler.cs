using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Instances;

/// <summary>GetInstancesHealthStatus: the health of all (or the listed) instances of a service.</summary>
internal sealed class GetInstancesHealthStatusHandler(CloudMapState state)
    : IOperationHandler<GetInstancesHealthStatusRequest, GetInstancesHealthStatusResponse>
{
    public async ValueTask<GetInstancesHealthStatusResponse> HandleAsync(
        GetInstancesHealthStatusRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var service = await state.ServiceAsync(input.ServiceId, cancellationToken);
        var instances = await state.InstancesAsync(service.Value.Id, cancellationToken);
        if (input.Instances is { Count: > 0 } wanted)
        {
            var missing = wanted.FirstOrDefault(id => !instances.Any(i => i.Value.Id == id));
            if (missing is not null)
            {
                throw CloudMapErrors.InstanceNotFound(missing);
            }

            instances = instances.Where(i => wanted.Contains(i.Value.Id)).ToList();
        }

        var (items, next) = CloudMapPage.Slice(instances, i => i.Key, "GetInstancesHealthStatus:" + service.Value.Id, input.NextToken, input.MaxResults);
        return new GetInstancesHealthStatusResponse
        {
            Status = items.ToDictionary(i => i.Value.Id, i => i.Value.HealthStatus, StringComparer.Ordinal),
            NextToken = next,
        };
    }
}
