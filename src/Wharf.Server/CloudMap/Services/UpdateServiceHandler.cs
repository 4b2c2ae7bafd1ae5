using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Services;

/// <summary>
/// UpdateService: the description, the TTLs of the existing record types (the set of types stays as
/// created) and the Route 53 health check. Asynchronous: answers an operation id.
/// </summary>
internal sealed class UpdateServiceHandler(CloudMapState state, CloudMapOperations operations)
    : IOperationHandler<UpdateServiceRequest, UpdateServiceResponse>
{
    public async ValueTask<UpdateServiceResponse> HandleAsync(UpdateServiceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var repository = state.Repository;
        var operationId = await repository.RetryAsync(async ct =>
        {
            var service = await state.ServiceAsync(input.Id, ct);
            var change = input.Service;
            var updated = service.Value with { Description = change?.Description ?? service.Value.Description };
            if (change?.DnsConfig?.DnsRecords is { } records)
            {
                if (service.Value.DnsRecords.Count == 0)
                {
                    throw CloudMapErrors.InvalidInput($"Service {service.Value.Id} has no DNS configuration to update.");
                }

                var parsed = ServiceRules.Records(records, service.Value.RoutingPolicy ?? "MULTIVALUE");
                if (!parsed.Select(r => r.Type).Order().SequenceEqual(service.Value.DnsRecords.Select(r => r.Type).Order()))
                {
                    throw CloudMapErrors.InvalidInput("UpdateService can change the TTLs of a service's DNS records but not their types.");
                }

                updated = updated with { DnsRecords = parsed };
            }

            if (change?.HealthCheckConfig is not null)
            {
                if (service.Value.CustomHealthCheck)
                {
                    throw CloudMapErrors.InvalidInput("A service with HealthCheckCustomConfig cannot take a HealthCheckConfig.");
                }

                updated = updated with { HealthCheck = ServiceRules.HealthCheck(change.HealthCheckConfig) };
            }

            var write = repository.Begin();
            write.Put(DiscoveryKinds.Service, service.Key, service.Value.NamespaceId, updated, service.Version);
            var id = operations.Record(write, "UPDATE_SERVICE", new Dictionary<string, string> { [CloudMapOperations.Service] = service.Value.Id });
            await write.CommitAsync(ct);
            return id;
        }, cancellationToken);
        return new UpdateServiceResponse { OperationId = operationId };
    }
}
