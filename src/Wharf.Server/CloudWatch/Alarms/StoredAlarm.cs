using Wharf.Protocol.Generated.CloudWatch;

namespace Wharf.Server.CloudWatch.Alarms;

/// <summary>An alarm as kept: its description (as DescribeAlarms shows it) and its tags.</summary>
internal sealed class StoredAlarm
{
    public required MetricAlarm Alarm { get; set; }

    public List<Tag> Tags { get; set; } = [];
}
