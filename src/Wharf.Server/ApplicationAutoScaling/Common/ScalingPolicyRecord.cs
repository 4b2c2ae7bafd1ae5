using Wharf.Protocol.Generated.ApplicationAutoScaling;

namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>A scaling policy of a target, with its configuration as the API accepted it and the alarms it owns.</summary>
internal sealed record ScalingPolicyRecord : INamedScalingRecord
{
    public required string PolicyName { get; init; }
    public required string Arn { get; init; }
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }

    /// <summary>TargetTrackingScaling or StepScaling.</summary>
    public required string PolicyType { get; init; }
    public StepScalingPolicyConfiguration? StepScaling { get; init; }
    public TargetTrackingScalingPolicyConfiguration? TargetTracking { get; init; }

    /// <summary>The alarms created for a target-tracking policy (deleted with it).</summary>
    public IReadOnlyList<PolicyAlarm> Alarms { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }

    string INamedScalingRecord.RecordName => PolicyName;

    public string TargetKey => ScalingKinds.TargetKey(ServiceNamespace, ScalableDimension, ResourceId);
}
