using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch.AlarmOperations;

/// <summary>DescribeAlarmsForMetric: the alarms on exactly this metric (and dimensions), narrowed by statistic, period and unit when given.</summary>
internal sealed class DescribeAlarmsForMetricHandler(MetricAlarms alarms) : IOperationHandler<DescribeAlarmsForMetricInput, DescribeAlarmsForMetricOutput>
{
    public async ValueTask<DescribeAlarmsForMetricOutput> HandleAsync(
        DescribeAlarmsForMetricInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var ns = input.Namespace ?? throw CloudWatchErrors.MissingParameter("The parameter Namespace is required.");
        var name = input.MetricName ?? throw CloudWatchErrors.MissingParameter("The parameter MetricName is required.");
        var key = MetricQuery.Key(ns, name, input.Dimensions);
        var all = await alarms.ListAsync(cancellationToken);
        return new DescribeAlarmsForMetricOutput
        {
            MetricAlarms = [.. all.Select(a => a.Alarm).Where(a =>
                MetricQuery.Key(a.Namespace!, a.MetricName!, a.Dimensions) == key
                && (input.Statistic is null || a.Statistic == input.Statistic)
                && (input.ExtendedStatistic is null || a.ExtendedStatistic == input.ExtendedStatistic)
                && (input.Period is null || a.Period == input.Period)
                && (input.Unit is null || a.Unit == input.Unit))],
        };
    }
}
