namespace Wharf.Core.Arns;

/// <summary>The parts of a container ARN.</summary>
/// <param name="ClusterName">Null for the old short format <c>container/{uuid}</c>.</param>
/// <param name="TaskId">Null for the old short format.</param>
/// <param name="ContainerId">The container's UUID.</param>
public sealed record ContainerArnReference(string? ClusterName, string? TaskId, string ContainerId);
