using Wharf.Core.Model;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Instances;

/// <summary>
/// Registers and deregisters instances, each with its operation in one commit. Used by the
/// RegisterInstance/DeregisterInstance handlers and by the ECS service integration.
/// </summary>
internal sealed class InstanceRegistry(CloudMapState state, CloudMapOperations operations, TimeProvider time)
{
    /// <summary>Creates or replaces an instance; returns the REGISTER_INSTANCE operation id.</summary>
    public ValueTask<string> RegisterAsync(
        string serviceIdOrArn, string instanceId, IReadOnlyDictionary<string, string> attributes, string? creatorRequestId, string? taskArn,
        CancellationToken cancellationToken)
    {
        var repository = state.Repository;
        return repository.RetryAsync(async ct =>
        {
            var service = await state.ServiceAsync(serviceIdOrArn, ct);
            InstanceAttributes.Validate(service.Value, attributes);
            var key = DiscoveryKinds.InstanceKey(service.Value.Id, instanceId);
            var existing = await repository.GetAsync<DiscoveryInstanceRecord>(DiscoveryKinds.Instance, key, ct);
            var record = new DiscoveryInstanceRecord
            {
                ServiceId = service.Value.Id,
                Id = instanceId,
                CreatorRequestId = creatorRequestId,
                Attributes = new Dictionary<string, string>(attributes, StringComparer.Ordinal),
                HealthStatus = InstanceAttributes.InitialHealth(service.Value, attributes),
                RegisteredAt = time.GetUtcNow(),
                TaskArn = taskArn,
            };
            var write = repository.Begin();
            write.Put(DiscoveryKinds.Instance, key, service.Value.Id, record, existing?.Version ?? 0);
            var id = operations.Record(write, "REGISTER_INSTANCE", Targets(service.Value, instanceId));
            await write.CommitAsync(ct);
            return id;
        }, cancellationToken);
    }

    /// <summary>Removes an instance; returns the DEREGISTER_INSTANCE operation id.</summary>
    public ValueTask<string> DeregisterAsync(string serviceIdOrArn, string instanceId, CancellationToken cancellationToken)
    {
        var repository = state.Repository;
        return repository.RetryAsync(async ct =>
        {
            var service = await state.ServiceAsync(serviceIdOrArn, ct);
            var instance = await state.InstanceAsync(service.Value.Id, instanceId, ct);
            var write = repository.Begin();
            write.Delete(DiscoveryKinds.Instance, instance.Key, instance.Version);
            var id = operations.Record(write, "DEREGISTER_INSTANCE", Targets(service.Value, instanceId));
            await write.CommitAsync(ct);
            return id;
        }, cancellationToken);
    }

    private static Dictionary<string, string> Targets(DiscoveryServiceRecord service, string instanceId) => new()
    {
        [CloudMapOperations.Namespace] = service.NamespaceId,
        [CloudMapOperations.Service] = service.Id,
        [CloudMapOperations.Instance] = instanceId,
    };
}
