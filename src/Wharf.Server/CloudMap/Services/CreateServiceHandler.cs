using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Services;

/// <summary>
/// CreateService: synchronous. In a DNS namespace a service with a DnsConfig is DNS_HTTP, one without
/// (or with <c>Type: HTTP</c>) is HTTP; an HTTP namespace takes no DnsConfig. Names are unique per
/// namespace (<c>ServiceAlreadyExists</c>).
/// </summary>
internal sealed class CreateServiceHandler(CloudMapState state, CloudMapNames names, TimeProvider time)
    : IOperationHandler<CreateServiceRequest, CreateServiceResponse>
{
    public async ValueTask<CreateServiceResponse> HandleAsync(CreateServiceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var namespaceId = input.NamespaceId ?? input.DnsConfig?.NamespaceId
            ?? throw CloudMapErrors.InvalidInput("NamespaceId is required.");
        var name = input.Name ?? "";
        if (input.HealthCheckConfig is not null && input.HealthCheckCustomConfig is not null)
        {
            throw CloudMapErrors.InvalidInput("A service takes either HealthCheckConfig or HealthCheckCustomConfig, not both.");
        }

        var healthCheck = ServiceRules.HealthCheck(input.HealthCheckConfig);
        var repository = state.Repository;
        var record = await repository.RetryAsync(async ct =>
        {
            var ns = await state.NamespaceAsync(namespaceId, ct);
            if (healthCheck is not null && ns.Value.Type != "DNS_PUBLIC")
            {
                throw CloudMapErrors.InvalidInput("HealthCheckConfig is only valid for services in public DNS namespaces.");
            }

            string type;
            string? policy = null;
            IReadOnlyList<DiscoveryDnsRecord> records = [];
            if (input.DnsConfig is not null)
            {
                if (!ns.Value.IsDns || input.Type == "HTTP")
                {
                    throw CloudMapErrors.InvalidInput("DnsConfig is only valid for services in DNS namespaces.");
                }

                policy = ServiceRules.RoutingPolicy(input.DnsConfig.RoutingPolicy);
                records = ServiceRules.Records(input.DnsConfig.DnsRecords, policy);
                type = "DNS_HTTP";
            }
            else
            {
                type = "HTTP";
            }

            var existing = await state.ServicesAsync(ns.Value.Id, ct);
            if (existing.FirstOrDefault(s => string.Equals(s.Value.Name, name, StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                if (input.CreatorRequestId is not null && same.Value.CreatorRequestId == input.CreatorRequestId)
                {
                    return same.Value;
                }

                throw CloudMapErrors.ServiceAlreadyExists(name, same.Value.Id);
            }

            var id = CloudMapNames.NewServiceId();
            var created = new DiscoveryServiceRecord
            {
                Id = id,
                Arn = names.ServiceArn(id),
                Name = name,
                NamespaceId = ns.Value.Id,
                Description = input.Description,
                CreatorRequestId = input.CreatorRequestId,
                CreatedAt = time.GetUtcNow(),
                Type = type,
                RoutingPolicy = policy,
                DnsRecords = records,
                HealthCheck = healthCheck,
                CustomHealthCheck = input.HealthCheckCustomConfig is not null,
            };
            var write = repository.Begin();
            write.Put(DiscoveryKinds.Service, id, ns.Value.Id, created, 0);
            CloudMapTags.Put(write, created.Arn, null, input.Tags);
            await write.CommitAsync(ct);
            return created;
        }, cancellationToken);

        var instances = await state.InstancesAsync(record.Id, cancellationToken);
        return new CreateServiceResponse { Service = CloudMapMapper.Service(record, instances.Count, names.AccountId) };
    }
}
