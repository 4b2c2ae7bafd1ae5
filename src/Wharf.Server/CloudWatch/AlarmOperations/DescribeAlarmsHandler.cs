using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>DescribeAlarms: by names or name prefix, state and action prefix, in name order, paged by name.</summary>
internal sealed class DescribeAlarmsHandler(MetricAlarms alarms) : IOperationHandler<DescribeAlarmsInput, DescribeAlarmsOutput>
{
    public async ValueTask<DescribeAlarmsOutput> HandleAsync(DescribeAlarmsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.AlarmNames is { Count: > 0 } && input.AlarmNamePrefix is not null)
        {
            throw CloudWatchErrors.InvalidParameterCombination("AlarmNames and AlarmNamePrefix cannot be specified together.");
        }

        if (input.StateValue is { } state && !AlarmStates.IsValid(state))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {state} for parameter StateValue is invalid.");
        }

        var max = input.MaxRecords ?? 50;
        if (max is < 1 or > 100)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter MaxRecords must be between 1 and 100.");
        }

        var wantMetric = input.AlarmTypes is not { Count: > 0 } types || types.Contains("MetricAlarm");
        var all = await alarms.ListAsync(cancellationToken);
        if (input.NextToken is { } token && all.All(a => a.Alarm.AlarmName != token))
        {
            throw CloudWatchErrors.InvalidNextToken();
        }

        var matches = all
            .Select(a => a.Alarm)
            .Where(a => wantMetric)
            .Where(a => input.AlarmNames is not { Count: > 0 } names || names.Contains(a.AlarmName!))
            .Where(a => input.AlarmNamePrefix is null || a.AlarmName!.StartsWith(input.AlarmNamePrefix, StringComparison.Ordinal))
            .Where(a => input.StateValue is null || a.StateValue == input.StateValue)
            .Where(a => input.ActionPrefix is null || Actions(a).Any(x => x.StartsWith(input.ActionPrefix, StringComparison.Ordinal)))
            .Where(a => input.NextToken is null || string.CompareOrdinal(a.AlarmName, input.NextToken) > 0)
            .Take(max + 1)
            .ToList();
        var page = matches.Take(max).ToList();
        return new DescribeAlarmsOutput
        {
            MetricAlarms = page,
            CompositeAlarms = [],
            NextToken = matches.Count > max ? page[^1].AlarmName : null,
        };
    }

    private static IEnumerable<string> Actions(MetricAlarm alarm) =>
        (alarm.AlarmActions ?? []).Concat(alarm.OKActions ?? []).Concat(alarm.InsufficientDataActions ?? []);
}
