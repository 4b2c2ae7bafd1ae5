namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>A record a target owns by name: a scaling policy or a scheduled action.</summary>
internal interface INamedScalingRecord
{
    string ResourceId { get; }

    string ScalableDimension { get; }

    /// <summary>The policy's or the scheduled action's name.</summary>
    string RecordName { get; }
}
