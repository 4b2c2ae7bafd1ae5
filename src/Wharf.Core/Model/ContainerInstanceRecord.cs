namespace Wharf.Core.Model;

/// <summary>
/// A registered host. Remaining resources are not stored: they are registered resources minus
/// what the instance's non-stopped tasks reserve, computed from the tasks. Placement bumps this
/// record's store version in the same commit as the tasks it places, so two concurrent placements
/// on one instance conflict instead of overcommitting it.
/// </summary>
public sealed record ContainerInstanceRecord
{
    public required string Arn { get; init; }
    public required string Id { get; init; }
    public required string ClusterArn { get; init; }
    public required string Ec2InstanceId { get; init; }
    /// <summary>ACTIVE, DRAINING, INACTIVE, …</summary>
    public required string Status { get; init; }
    public string? StatusReason { get; init; }
    public required bool AgentConnected { get; init; }
    public DateTimeOffset? LastHeartbeatAt { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public required string AgentVersion { get; init; }
    public required string DockerVersion { get; init; }
    public required int RegisteredCpu { get; init; }
    public required int RegisteredMemory { get; init; }
    /// <summary>Host ports taken by things other than tasks ("22/tcp").</summary>
    public IReadOnlyList<string> HostReservedPorts { get; init; } = [];
    public IReadOnlyList<AttributeRecord> Attributes { get; init; } = [];
    public string? HostAddress { get; init; }
    public string? CapacityProviderName { get; init; }
    /// <summary>ECS's container instance <c>version</c>: grows on every change.</summary>
    public long Version { get; init; } = 1;
    /// <summary>Bumped on every placement onto the instance (keeps concurrent placements honest).</summary>
    public long PlacementGeneration { get; init; }
}

/// <summary>An ECS attribute on a container instance; <see cref="Value"/> may be null.</summary>
public sealed record AttributeRecord(string Name, string? Value);
