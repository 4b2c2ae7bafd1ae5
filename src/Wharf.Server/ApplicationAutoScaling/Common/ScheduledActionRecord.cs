namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>A scheduled action of a target, with when it last ran (so a tick runs it once per occurrence).</summary>
internal sealed record ScheduledActionRecord : INamedScalingRecord
{
    public required string Name { get; init; }
    public required string Arn { get; init; }
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }
    public required string Schedule { get; init; }
    public string? Timezone { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public int? MinCapacity { get; init; }
    public int? MaxCapacity { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The occurrence the runner last handled (ran or skipped); occurrences up to it are done.</summary>
    public DateTimeOffset? LastOccurrence { get; init; }

    string INamedScalingRecord.RecordName => Name;

    public string TargetKey => ScalingKinds.TargetKey(ServiceNamespace, ScalableDimension, ResourceId);
}
