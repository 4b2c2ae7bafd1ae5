using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Common;

/// <summary>Reads namespaces, services and instances by id, failing with Cloud Map's not-found errors.</summary>
internal sealed class CloudMapState(StateRepository state)
{
    public StateRepository Repository => state;

    public async ValueTask<Versioned<DiscoveryNamespaceRecord>> NamespaceAsync(string? idOrArn, CancellationToken cancellationToken)
    {
        var id = CloudMapNames.IdOf(idOrArn ?? "");
        return await state.GetAsync<DiscoveryNamespaceRecord>(DiscoveryKinds.Namespace, id, cancellationToken)
            ?? throw CloudMapErrors.NamespaceNotFound(id);
    }

    public async ValueTask<Versioned<DiscoveryServiceRecord>> ServiceAsync(string? idOrArn, CancellationToken cancellationToken)
    {
        var id = CloudMapNames.IdOf(idOrArn ?? "");
        return await state.GetAsync<DiscoveryServiceRecord>(DiscoveryKinds.Service, id, cancellationToken)
            ?? throw CloudMapErrors.ServiceNotFound(id);
    }

    public async ValueTask<Versioned<DiscoveryInstanceRecord>> InstanceAsync(string serviceId, string? instanceId, CancellationToken cancellationToken) =>
        await state.GetAsync<DiscoveryInstanceRecord>(DiscoveryKinds.Instance, DiscoveryKinds.InstanceKey(serviceId, instanceId ?? ""), cancellationToken)
            ?? throw CloudMapErrors.InstanceNotFound(instanceId ?? "");

    public ValueTask<IReadOnlyList<Versioned<DiscoveryNamespaceRecord>>> NamespacesAsync(CancellationToken cancellationToken) =>
        state.ListAsync<DiscoveryNamespaceRecord>(DiscoveryKinds.Namespace, "", cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<DiscoveryServiceRecord>>> ServicesAsync(string? namespaceId, CancellationToken cancellationToken) =>
        state.ListAsync<DiscoveryServiceRecord>(DiscoveryKinds.Service, namespaceId, cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<DiscoveryInstanceRecord>>> InstancesAsync(string serviceId, CancellationToken cancellationToken) =>
        state.ListAsync<DiscoveryInstanceRecord>(DiscoveryKinds.Instance, serviceId, cancellationToken);
}
