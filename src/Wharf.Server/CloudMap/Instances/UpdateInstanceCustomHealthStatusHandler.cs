using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Instances;

/// <summary>UpdateInstanceCustomHealthStatus: only for services created with HealthCheckCustomConfig.</summary>
internal sealed class UpdateInstanceCustomHealthStatusHandler(CloudMapState state)
    : IOperationHandler<UpdateInstanceCustomHealthStatusRequest, EmptyOutput>
{
    public async ValueTask<EmptyOutput> HandleAsync(UpdateInstanceCustomHealthStatusRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var status = input.Status is "HEALTHY" or "UNHEALTHY"
            ? input.Status
            : throw CloudMapErrors.InvalidInput($"Invalid Status '{input.Status}': use HEALTHY or UNHEALTHY.");
        var repository = state.Repository;
        await repository.RetryAsync(async ct =>
        {
            var service = await state.ServiceAsync(input.ServiceId, ct);
            var instance = await state.InstanceAsync(service.Value.Id, input.InstanceId, ct);
            if (!service.Value.CustomHealthCheck)
            {
                throw CloudMapErrors.CustomHealthNotFound(service.Value.Id);
            }

            if (instance.Value.HealthStatus != status)
            {
                var write = repository.Begin();
                write.Put(DiscoveryKinds.Instance, instance.Key, service.Value.Id, instance.Value with { HealthStatus = status }, instance.Version);
                await write.CommitAsync(ct);
            }

            return true;
        }, cancellationToken);
        return EmptyOutput.Instance;
    }
}
