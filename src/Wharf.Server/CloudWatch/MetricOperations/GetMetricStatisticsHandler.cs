using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch.MetricOperations;

/// <summary>GetMetricStatistics: the requested statistics and percentiles per period that has data, in time order.</summary>
internal sealed class GetMetricStatisticsHandler(MetricStore store) : IOperationHandler<GetMetricStatisticsInput, GetMetricStatisticsOutput>
{
    public async ValueTask<GetMetricStatisticsOutput> HandleAsync(
        GetMetricStatisticsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var ns = input.Namespace ?? throw CloudWatchErrors.MissingParameter("The parameter Namespace is required.");
        var name = input.MetricName ?? throw CloudWatchErrors.MissingParameter("The parameter MetricName is required.");
        MetricQuery.CheckRange(input.StartTime, input.EndTime);
        var period = input.Period ?? throw CloudWatchErrors.MissingParameter("The parameter Period is required.");
        MetricQuery.CheckPeriod(period);
        var statistics = input.Statistics ?? [];
        var extended = input.ExtendedStatistics ?? [];
        if (statistics.Count == 0 && extended.Count == 0)
        {
            throw CloudWatchErrors.InvalidParameterCombination("Must specify either Statistics or ExtendedStatistics.");
        }

        if (statistics.Count + extended.Count > 10)
        {
            throw CloudWatchErrors.InvalidParameterCombination("The total number of Statistics and ExtendedStatistics must not exceed 10.");
        }

        var percentiles = extended.Select(e => MetricQuery.Percentile(e)
            ?? throw CloudWatchErrors.InvalidParameterValue($"The value {e} for parameter ExtendedStatistics is not supported.")).ToList();
        var start = MetricQuery.AlignStart(input.StartTime!.Value, period);
        var end = input.EndTime!.Value;
        MetricQuery.CheckDatapoints(input.StartTime!.Value, end, period);

        var key = MetricQuery.Key(ns, name, input.Dimensions);
        var periods = await store.QueryAsync(key, start, end, TimeSpan.FromSeconds(period), input.Unit, percentiles, cancellationToken);
        return new GetMetricStatisticsOutput
        {
            Label = name,
            Datapoints = [.. periods.Select(p => Datapoint(p, statistics, extended, input.Unit))],
        };
    }

    private static Datapoint Datapoint(PeriodStatistics period, List<string> statistics, List<string> extended, string? unit)
    {
        var s = period.Statistics;
        var point = new Datapoint { Timestamp = s.Timestamp, Unit = unit ?? s.Unit ?? "None" };
        point.SampleCount = statistics.Contains("SampleCount") ? s.SampleCount : null;
        point.Average = statistics.Contains("Average") ? s.Average : null;
        point.Sum = statistics.Contains("Sum") ? s.Sum : null;
        point.Minimum = statistics.Contains("Minimum") ? s.Minimum : null;
        point.Maximum = statistics.Contains("Maximum") ? s.Maximum : null;
        if (extended.Count > 0)
        {
            point.ExtendedStatistics = extended
                .Select(e => (Name: e, Value: MetricQuery.Value(period, e)))
                .Where(e => e.Value is not null)
                .ToDictionary(e => e.Name, e => e.Value!.Value, StringComparer.Ordinal);
        }

        return point;
    }
}
