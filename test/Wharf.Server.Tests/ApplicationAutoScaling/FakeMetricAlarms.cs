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

    public ValueTask<IReadOnlyList<MetricAlarm>> WithAlarmActionAsync(string actionArn, CancellationToken cancellationToken)
    {
        IReadOnlyList<MetricAlarm> found = Alarms.Values
            .Where(a => a.AlarmActions?.Contains(actionArn, StringComparer.Ordinal) == true)
            .OrderBy(a => a.AlarmName, StringComparer.Ordinal)
            .Select(a => new MetricAlarm { AlarmName = a.AlarmName, AlarmArn = $"arn:aws:cloudwatch:us-east-1:000000000000:alarm:{a.AlarmName}", AlarmActions = a.AlarmActions })
            .ToList();
        return ValueTask.FromResult(found);
    }

    public ValueTask RemoveAlarmActionsAsync(IReadOnlyList<string> actionArns, CancellationToken cancellationToken)
    {
        foreach (var alarm in Alarms.Values)
        {
            alarm.AlarmActions = alarm.AlarmActions?.Where(a => !actionArns.Contains(a, StringComparer.Ordinal)).ToList();
        }

        return ValueTask.CompletedTask;
    }
}
