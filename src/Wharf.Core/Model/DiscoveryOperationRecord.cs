namespace Wharf.Core.Model;

/// <summary>An asynchronous Cloud Map operation, as GetOperation reports it.</summary>
public sealed record DiscoveryOperationRecord
{
    public required string Id { get; init; }
    /// <summary>CREATE_NAMESPACE, DELETE_NAMESPACE, UPDATE_NAMESPACE, UPDATE_SERVICE, REGISTER_INSTANCE or DEREGISTER_INSTANCE.</summary>
    public required string Type { get; init; }
    /// <summary>SUBMITTED, PENDING, SUCCESS or FAIL.</summary>
    public required string Status { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>NAMESPACE, SERVICE and INSTANCE → id.</summary>
    public required IReadOnlyDictionary<string, string> Targets { get; init; }
}
