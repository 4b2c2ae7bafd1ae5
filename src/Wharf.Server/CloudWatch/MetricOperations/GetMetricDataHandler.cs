using System.Text.RegularExpressions;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch.MetricOperations;

/// <summary>
/// GetMetricData for <c>MetricStat</c> queries (any statistic or percentile, periods as
/// GetMetricStatistics), newest first unless <c>ScanBy</c> says otherwise; expressions are refused.
/// </summary>
internal sealed partial class GetMetricDataHandler(MetricStore store) : IOperationHandler<GetMetricDataInput, GetMetricDataOutput>
{
    private const int MaxTotalDatapoints = 100_800;

    public async ValueTask<GetMetricDataOutput> HandleAsync(GetMetricDataInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var queries = input.MetricDataQueries ?? [];
        if (queries.Count == 0)
        {
            throw CloudWatchErrors.MissingParameter("The parameter MetricDataQueries is required.");
        }

        if (queries.Count > 500)
        {
            throw CloudWatchErrors.InvalidParameterValue("The collection MetricDataQueries must not have a size greater than 500.");
        }

        MetricQuery.CheckRange(input.StartTime, input.EndTime);
        var ascending = input.ScanBy == "TimestampAscending";
        var budget = input.MaxDatapoints ?? MaxTotalDatapoints;
        var results = new List<MetricDataResult>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            var at = $"MetricDataQueries.member.{i + 1}";
            if (query.Id is null || !IdPattern().IsMatch(query.Id))
            {
                throw CloudWatchErrors.InvalidParameterValue($"The value {query.Id} for parameter {at}.Id is invalid: it must start with a lowercase letter and contain only letters, numbers and underscores.");
            }

            if (!ids.Add(query.Id))
            {
                throw CloudWatchErrors.InvalidParameterValue($"The values for parameter id in MetricDataQueries are not unique: {query.Id}.");
            }

            if ((query.MetricStat is null) == (query.Expression is null))
            {
                throw CloudWatchErrors.InvalidParameterCombination($"Exactly one of {at}.MetricStat and {at}.Expression must be specified.");
            }

            if (query.Expression is not null)
            {
                throw CloudWatchErrors.InvalidParameterValue($"The expression of {at} is not supported: Wharf answers MetricStat queries only.");
            }

            var result = await RunAsync(query, at, input.StartTime!.Value, input.EndTime!.Value, ascending, cancellationToken);
            if (query.ReturnData != false)
            {
                var room = Math.Max(0, budget);
                if (result.Timestamps!.Count > room)
                {
                    result.Timestamps = result.Timestamps.GetRange(0, room);
                    result.Values = result.Values!.GetRange(0, room);
                    result.StatusCode = "PartialData";
                }

                budget -= result.Timestamps.Count;
                results.Add(result);
            }
        }

        return new GetMetricDataOutput { MetricDataResults = results, Messages = [] };
    }

    private async Task<MetricDataResult> RunAsync(
        MetricDataQuery query, string at, DateTimeOffset start, DateTimeOffset end, bool ascending, CancellationToken cancellationToken)
    {
        var stat = query.MetricStat!;
        var metric = stat.Metric ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.MetricStat.Metric is required.");
        var ns = metric.Namespace ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.MetricStat.Metric.Namespace is required.");
        var name = metric.MetricName ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.MetricStat.Metric.MetricName is required.");
        var period = stat.Period ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.MetricStat.Period is required.");
        MetricQuery.CheckPeriod(period, $"{at}.MetricStat.Period");
        var statistic = stat.Stat ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.MetricStat.Stat is required.");
        var percentile = MetricQuery.Percentile(statistic);
        if (percentile is null && !MetricQuery.Statistics.Contains(statistic))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {statistic} for parameter {at}.MetricStat.Stat is not supported.");
        }

        var key = MetricQuery.Key(ns, name, metric.Dimensions, $"{at}.MetricStat.Metric.Dimensions");
        var alignedStart = MetricQuery.AlignStart(start, period);
        var periods = await store.QueryAsync(
            key, alignedStart, end, TimeSpan.FromSeconds(period), stat.Unit, percentile is { } p ? [p] : [], cancellationToken);
        var points = periods
            .Select(x => (x.Statistics.Timestamp, Value: MetricQuery.Value(x, statistic)))
            .Where(x => x.Value is not null)
            .ToList();
        if (!ascending)
        {
            points.Reverse();
        }

        return new MetricDataResult
        {
            Id = query.Id,
            Label = query.Label ?? name,
            Timestamps = [.. points.Select(x => x.Timestamp)],
            Values = [.. points.Select(x => x.Value!.Value)],
            StatusCode = "Complete",
            Messages = [],
        };
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$")]
    private static partial Regex IdPattern();
}
