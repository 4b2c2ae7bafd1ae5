using Wharf.Core.Model;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Tagging;

/// <summary>Checks that an ARN names an existing namespace or service of this server.</summary>
internal sealed class TaggedResources(StateRepository state, CloudMapNames names)
{
    public async ValueTask<string> ResolveAsync(string? arn, CancellationToken cancellationToken)
    {
        var id = CloudMapNames.IdOf(arn ?? "");
        var exists = arn == names.NamespaceArn(id)
            ? await state.GetAsync<DiscoveryNamespaceRecord>(DiscoveryKinds.Namespace, id, cancellationToken) is not null
            : arn == names.ServiceArn(id) && await state.GetAsync<DiscoveryServiceRecord>(DiscoveryKinds.Service, id, cancellationToken) is not null;
        return exists ? arn! : throw CloudMapErrors.ResourceNotFound(arn ?? "");
    }
}
