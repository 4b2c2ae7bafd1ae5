using System.Collections.Frozen;
using Wharf.Protocol.Generated;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Dispatch;

/// <summary>The services one endpoint serves, indexed the ways requests name them.</summary>
public sealed class ServiceCatalog
{
    private static readonly Lazy<ServiceCatalog> LazyDefault = new(() => new ServiceCatalog(GeneratedServiceModels.All()));
    private readonly FrozenDictionary<string, ServiceModel> _byTargetPrefix;
    private readonly FrozenDictionary<string, ServiceModel> _bySigningName;
    private readonly FrozenDictionary<string, ServiceModel> _byName;

    /// <summary>Indexes <paramref name="services"/>.</summary>
    public ServiceCatalog(IEnumerable<ServiceModel> services)
    {
        Services = [.. services];
        _byTargetPrefix = Services.Where(s => s.Metadata.TargetPrefix is not null)
            .ToFrozenDictionary(s => s.Metadata.TargetPrefix!, StringComparer.Ordinal);
        _bySigningName = Services.ToFrozenDictionary(s => s.Metadata.SigningName, StringComparer.Ordinal);
        _byName = Services.ToFrozenDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every generated service.</summary>
    public static ServiceCatalog Default => LazyDefault.Value;

    /// <summary>The services.</summary>
    public IReadOnlyList<ServiceModel> Services { get; }

    /// <summary>The service whose JSON <c>X-Amz-Target</c> prefix (or CBOR service path segment) is <paramref name="prefix"/>.</summary>
    public ServiceModel? FindByTargetPrefix(string prefix) => _byTargetPrefix.GetValueOrDefault(prefix);

    /// <summary>The service whose SigV4 signing name (credential scope service) is <paramref name="signingName"/>.</summary>
    public ServiceModel? FindBySigningName(string signingName) => _bySigningName.GetValueOrDefault(signingName);

    /// <summary>The service by its C# name (<c>Ecs</c>, <c>CloudWatch</c>, …), ignoring case.</summary>
    public ServiceModel? FindByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Resolves an <c>X-Amz-Target</c> value (<c>AmazonEC2ContainerServiceV20141113.CreateCluster</c>).
    /// Returns false when the prefix names no service; <paramref name="operation"/> is null when
    /// the service has no such operation.
    /// </summary>
    public bool TryResolveTarget(string target, out ServiceModel? service, out OperationModel? operation)
    {
        var dot = target.LastIndexOf('.');
        service = dot > 0 ? FindByTargetPrefix(target[..dot]) : null;
        operation = service?.FindOperation(target[(dot + 1)..]);
        return service is not null;
    }
}
