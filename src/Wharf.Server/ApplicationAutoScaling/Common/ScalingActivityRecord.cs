namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>One scaling activity as DescribeScalingActivities shows it.</summary>
internal sealed record ScalingActivityRecord
{
    public required string ActivityId { get; init; }
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }
    public required string Description { get; init; }
    public required string Cause { get; init; }
    public required DateTimeOffset StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Successful, Failed, …</summary>
    public required string StatusCode { get; init; }
    public string? StatusMessage { get; init; }

    /// <summary>Set on a not scaled activity (shown only with <c>IncludeNotScaledActivities</c>).</summary>
    public NotScaledRecord? NotScaled { get; init; }

    public string Key => ScalingKinds.ActivityKey(StartTime, ActivityId);
}
