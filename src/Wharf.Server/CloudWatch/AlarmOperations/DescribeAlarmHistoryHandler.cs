using System.Globalization;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>DescribeAlarmHistory: configuration updates, state updates and actions of the last 14 days, newest first by default.</summary>
internal sealed class DescribeAlarmHistoryHandler(MetricAlarms alarms) : IOperationHandler<DescribeAlarmHistoryInput, DescribeAlarmHistoryOutput>
{
    public async ValueTask<DescribeAlarmHistoryOutput> HandleAsync(
        DescribeAlarmHistoryInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var max = input.MaxRecords ?? 100;
        if (max is < 1 or > 100)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter MaxRecords must be between 1 and 100.");
        }

        var skip = 0;
        if (input.NextToken is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip < 0))
        {
            throw CloudWatchErrors.InvalidNextToken();
        }

        var items = (await alarms.HistoryAsync(input.AlarmName, input.HistoryItemType, input.StartDate, input.EndDate, cancellationToken)).ToList();
        if (input.ScanBy == "TimestampAscending")
        {
            items.Reverse();
        }

        var page = items.Skip(skip).Take(max).ToList();
        return new DescribeAlarmHistoryOutput
        {
            AlarmHistoryItems = page,
            NextToken = skip + max < items.Count ? (skip + max).ToString(CultureInfo.InvariantCulture) : null,
        };
    }
}
