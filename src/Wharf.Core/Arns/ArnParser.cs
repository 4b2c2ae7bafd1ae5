using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Arns;

/// <summary>
/// Resolves what a client wrote (a name, an id or a full ARN) to the name or id Wharf stores,
/// refusing ARNs of another partition, service, region or account or of the wrong resource type,
/// and malformed ids. Every <c>ParseX</c> throws <see cref="InvalidArnException"/> with a message for
/// the client (answer it as <c>InvalidParameterException</c>); every <c>TryParseX</c> returns the
/// same message instead. Existence is not checked here: an unknown but well-formed cluster is the
/// caller's <c>ClusterNotFoundException</c>, an unknown task a <c>MISSING</c> failure.
/// Names given without an ARN are returned as written (lookups decide whether they exist); ids are
/// checked for shape, as ECS does. Thread-safe.
/// </summary>
public sealed partial class ArnParser
{
    private readonly string _partition;

    /// <summary>Creates a parser that accepts ARNs of <paramref name="account"/> only.</summary>
    public ArnParser(AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Account = account;
        _partition = account.Partition;
    }

    /// <summary>The region and account ARNs must carry.</summary>
    public AccountContext Account { get; }

    /// <summary>
    /// A cluster name or ARN to the cluster name; null means the <c>default</c> cluster, as in ECS.
    /// </summary>
    public string ParseClusterReference(string? reference) =>
        TryParseClusterReference(reference, out var name, out var error) ? name : throw new InvalidArnException(error);

    /// <inheritdoc cref="ParseClusterReference"/>
    public bool TryParseClusterReference(
        string? reference,
        [NotNullWhen(true)] out string? clusterName,
        [NotNullWhen(false)] out string? error)
    {
        if (reference is null)
        {
            clusterName = ResourceNames.DefaultClusterName;
            error = null;
            return true;
        }

        return TryParseUnscopedName(reference, EcsResourceType.Cluster, out clusterName, out error);
    }

    /// <summary>A capacity provider name or ARN to the name.</summary>
    public string ParseCapacityProviderReference(string reference) =>
        TryParseCapacityProviderReference(reference, out var name, out var error) ? name : throw new InvalidArnException(error);

    /// <inheritdoc cref="ParseCapacityProviderReference"/>
    public bool TryParseCapacityProviderReference(
        string? reference,
        [NotNullWhen(true)] out string? name,
        [NotNullWhen(false)] out string? error) =>
        TryParseUnscopedName(reference, EcsResourceType.CapacityProvider, out name, out error);

    /// <summary>Any ECS resource ARN of this endpoint to what it names (for the tagging APIs).</summary>
    public EcsResourceArn ParseResourceArn(string arn) =>
        TryParseResourceArn(arn, out var resource, out var error) ? resource : throw new InvalidArnException(error);

    /// <inheritdoc cref="ParseResourceArn"/>
    public bool TryParseResourceArn(
        string? arn,
        [NotNullWhen(true)] out EcsResourceArn? resource,
        [NotNullWhen(false)] out string? error)
    {
        resource = null;
        if (!TryResolve(arn, out var type, out var path, out error))
        {
            return false;
        }

        var parts = path.Split('/');
        (string? cluster, string? service, string? name) = (type, parts.Length) switch
        {
            (EcsResourceType.Cluster or EcsResourceType.CapacityProvider or EcsResourceType.TaskDefinition, 1) =>
                (null, null, parts[0]),
            (EcsResourceType.Task or EcsResourceType.ContainerInstance or EcsResourceType.Service or EcsResourceType.Container, 1) =>
                (null, null, parts[0]),
            (EcsResourceType.Task or EcsResourceType.ContainerInstance or EcsResourceType.Service, 2) =>
                (parts[0], null, parts[1]),
            (EcsResourceType.Container, 3) => (parts[0], null, parts[2]),
            (EcsResourceType.TaskSet, 4) => (parts[0], parts[1], parts[2] + "/" + parts[3]),
            _ => (null, null, null),
        };

        if (name is null || name.Length == 0 || cluster is { Length: 0 } || service is { Length: 0 })
        {
            error = ArnErrors.UnexpectedSeparators(arn);
            return false;
        }

        if (!IsWellFormed(type, name, arn, out error))
        {
            return false;
        }

        resource = new EcsResourceArn(type, cluster, name, arn) { ServiceName = service };
        return true;
    }

    /// <summary>
    /// Checks an ARN's syntax, partition, service, region and account, and splits its resource into
    /// the type and the path after <c>type/</c>.
    /// </summary>
    private bool TryResolve(
        [NotNullWhen(true)] string? value,
        out EcsResourceType type,
        [NotNullWhen(true)] out string? path,
        [NotNullWhen(false)] out string? error)
    {
        type = default;
        path = null;
        if (!Arn.TryParse(value, out var arn))
        {
            error = ArnErrors.Malformed(value);
            return false;
        }

        error = arn switch
        {
            _ when arn.Partition != _partition => ArnErrors.WrongPartition(value, arn.Partition, _partition),
            _ when arn.Service != "ecs" => ArnErrors.WrongService(value, arn.Service),
            _ when arn.Region != Account.Region => ArnErrors.WrongRegion(value, arn.Region, Account.Region),
            _ when arn.AccountId != Account.AccountId => ArnErrors.WrongAccount(value, arn.AccountId, Account.AccountId),
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        var slash = arn.Resource.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !EcsResourceType.TryFromArnSegment(arn.Resource[..slash], out type))
        {
            error = ArnErrors.UnknownResourceType(value);
            return false;
        }

        path = arn.Resource[(slash + 1)..];
        if (path.Length == 0)
        {
            error = ArnErrors.Malformed(value);
            return false;
        }

        return true;
    }

    private bool TryResolve(
        string value,
        EcsResourceType expected,
        [NotNullWhen(true)] out string? path,
        [NotNullWhen(false)] out string? error)
    {
        if (!TryResolve(value, out var type, out path, out error))
        {
            return false;
        }

        if (type != expected)
        {
            path = null;
            error = ArnErrors.WrongResourceType(value, expected);
            return false;
        }

        return true;
    }

    /// <summary>A name or an ARN <c>type/name</c> (clusters, capacity providers) to the name.</summary>
    private bool TryParseUnscopedName(
        string? reference,
        EcsResourceType type,
        [NotNullWhen(true)] out string? name,
        [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (string.IsNullOrEmpty(reference))
        {
            error = ArnErrors.Empty(type);
            return false;
        }

        if (!Arn.LooksLikeArn(reference))
        {
            name = reference;
            error = null;
            return true;
        }

        if (!TryResolve(reference, type, out var path, out error))
        {
            return false;
        }

        if (!ResourceNames.IsValidName(path))
        {
            error = path.Contains('/', StringComparison.Ordinal)
                ? ArnErrors.UnexpectedSeparators(reference)
                : ArnErrors.BadName(reference, type);
            return false;
        }

        name = path;
        return true;
    }

    private static bool IsWellFormed(EcsResourceType type, string name, string value, [NotNullWhen(false)] out string? error)
    {
        error = type switch
        {
            EcsResourceType.Task or EcsResourceType.ContainerInstance when !EcsIds.IsValidTaskId(name) =>
                ArnErrors.BadId(value, type),
            EcsResourceType.Container when !EcsIds.IsValidContainerId(name) => ArnErrors.BadContainerId(value),
            EcsResourceType.TaskSet when !EcsIds.IsValidServiceScopedId(name) => ArnErrors.BadTaskSetId(value),
            EcsResourceType.TaskDefinition when !TaskDefinitionReference.TryParse(name, out _, out _) =>
                ArnErrors.BadName(value, type),
            EcsResourceType.TaskDefinition when !name.Contains(':', StringComparison.Ordinal) => ArnErrors.MissingRevision(value),
            EcsResourceType.Cluster or EcsResourceType.Service or EcsResourceType.CapacityProvider
                when !ResourceNames.IsValidName(name) => ArnErrors.BadName(value, type),
            _ => null,
        };
        return error is null;
    }
}
