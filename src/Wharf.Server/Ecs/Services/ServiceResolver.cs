using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// Finds a service of a cluster by what a client wrote (a name or an ARN). A malformed ARN, or one
/// of another cluster, is an <c>InvalidParameterException</c>. Stateless and thread-safe.
/// </summary>
internal sealed class ServiceResolver(StateRepository state, ArnParser parser, ArnFormatter arns)
{
    /// <summary>The ARN a reference names in <paramref name="cluster"/>.</summary>
    public string ArnOf(string? reference, ClusterRecord cluster) =>
        parser.TryParseServiceReference(reference, cluster.Name, out var name, out var error)
            ? arns.ServiceArn(cluster.Name, name)
            : throw EcsErrors.InvalidParameter(error);

    /// <summary>The service in any status, or null.</summary>
    public ValueTask<Versioned<ServiceRecord>?> FindAsync(string serviceArn, CancellationToken cancellationToken) =>
        state.GetAsync<ServiceRecord>(StateKinds.Service, serviceArn, cancellationToken);

    /// <summary>The service, which must exist and be ACTIVE (as UpdateService needs it).</summary>
    public async ValueTask<Versioned<ServiceRecord>> ResolveActiveAsync(string serviceArn, CancellationToken cancellationToken)
    {
        var service = await FindAsync(serviceArn, cancellationToken) ?? throw ServiceErrors.ServiceNotFound();
        return service.Value.Status switch
        {
            EcsStatus.Active => service,
            EcsStatus.Inactive => throw ServiceErrors.ServiceNotFound(),
            _ => throw ServiceErrors.ServiceNotActive(),
        };
    }
}
