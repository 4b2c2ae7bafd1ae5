using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.CloudWatch.Alarms;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

/// <summary>Keeps the alarms scaling policies put, by name.</summary>
internal sealed class FakeMetricAlarms : IMetricAlarms
{
    public Dictionary<string, PutMetricAlarmInput> Alarms { get; } = new(StringComparer.Ordinal);

    public ValueTask PutAsync(PutMetricAlarmInput input, CancellationToken cancellationToken)
    {
        Alarms[input.AlarmName!] = input;
        return ValueTask.CompletedTask;
    }

    public ValueTask DeleteAsync(IReadOnlyList<string> alarmNames, CancellationToken cancellationToken)
    {
        foreach (var name in alarmNames)
        {
            Alarms.Remove(name);
        }

        return ValueTask.CompletedTask;
    }
}
