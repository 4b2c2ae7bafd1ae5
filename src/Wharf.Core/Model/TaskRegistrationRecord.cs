namespace Wharf.Core.Model;

/// <summary>
/// A Cloud Map instance the attachment controller registered for a task (the instance id is the task
/// id). Kept after deregistration so the task is never registered again.
/// </summary>
public sealed record TaskRegistrationRecord
{
    /// <summary>The Cloud Map service's ARN, as the ECS service's <c>registryArn</c> names it.</summary>
    public required string RegistryArn { get; init; }
    public required string InstanceId { get; init; }
    public bool Deregistered { get; init; }
}
