namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>
/// A registered scalable target (an ECS service's desired count) with its capacity bounds, its
/// suspended state, its tags, and the cooldown state the scaling engine keeps for it.
/// </summary>
internal sealed record ScalableTargetRecord
{
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }
    public required string Arn { get; init; }
    public required int MinCapacity { get; init; }
    public required int MaxCapacity { get; init; }
    public required string RoleArn { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool DynamicScalingInSuspended { get; init; }
    public bool DynamicScalingOutSuspended { get; init; }
    public bool ScheduledScalingSuspended { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public CooldownState Cooldown { get; init; } = new();

    /// <summary>
    /// The cause and code of the last not scaled activity recorded, so an alarm that stays in ALARM
    /// records it once rather than at every evaluation; cleared when the target scales.
    /// </summary>
    public string? LastNotScaled { get; init; }

    public string Key => ScalingKinds.TargetKey(ServiceNamespace, ScalableDimension, ResourceId);
}
