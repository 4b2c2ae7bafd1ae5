using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// Turns the <c>cluster</c> member of a request (a name, an ARN, or nothing for <c>default</c>)
/// into the stored cluster. A malformed ARN, or one of another region, account or resource type,
/// is an <c>InvalidParameterException</c>; a cluster that does not exist is a
/// <c>ClusterNotFoundException</c>. Stateless and thread-safe.
/// </summary>
internal sealed class ClusterResolver(StateRepository state, ArnParser arns)
{
    /// <summary>The cluster name a reference names; null means <c>default</c>.</summary>
    /// <exception cref="Protocol.Errors.AwsServiceException">InvalidParameterException for a bad ARN.</exception>
    public string NameOf(string? reference) =>
        arns.TryParseClusterReference(reference, out var name, out var error) ? name : throw EcsErrors.InvalidParameter(error);

    /// <summary>The cluster in any status (INACTIVE included), or null when it was never created.</summary>
    public ValueTask<Versioned<ClusterRecord>?> FindAsync(string? reference, CancellationToken cancellationToken) =>
        state.GetAsync<ClusterRecord>(StateKinds.Cluster, NameOf(reference), cancellationToken);

    /// <summary>The ACTIVE cluster a request names.</summary>
    /// <exception cref="Protocol.Errors.AwsServiceException">
    /// ClusterNotFoundException when it does not exist or was deleted; InvalidParameterException for a bad ARN.
    /// </exception>
    public async ValueTask<Versioned<ClusterRecord>> ResolveAsync(string? reference, CancellationToken cancellationToken)
    {
        var cluster = await FindAsync(reference, cancellationToken) ?? throw EcsErrors.ClusterNotFound();
        return cluster.Value.Status == EcsStatus.Active ? cluster : throw EcsErrors.ClusterInactive();
    }
}
