namespace Wharf.Core.Model;

/// <summary>
/// A load balancer target the attachment controller registered for a task, with the health the
/// data plane last reported for it. Kept after deregistration (<see cref="Deregistered"/>) so a
/// target is deregistered exactly once, also across a server restart.
/// </summary>
public sealed record TaskTargetRecord
{
    public required string TargetGroupArn { get; init; }
    /// <summary>The container instance's EC2-style id.</summary>
    public required string Id { get; init; }
    /// <summary>The host port bound for the service's container port.</summary>
    public required int Port { get; init; }
    /// <summary>The target's state as the data plane last wrote it (see <see cref="TargetStates"/>).</summary>
    public string State { get; init; } = TargetStates.Initial;
    public string? Reason { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset? StateChangedAt { get; init; }
    public bool Deregistered { get; init; }
}
