using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch.MetricOperations;

/// <summary>
/// PutMetricData: values, value/count arrays and statistic sets, timestamped up to two weeks back
/// and two hours ahead; namespaces starting with <c>AWS/</c> are AWS's. All-or-nothing.
/// </summary>
internal sealed class PutMetricDataHandler(IMetricSink sink, TimeProvider time) : IOperationHandler<PutMetricDataInput, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(PutMetricDataInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var ns = input.Namespace ?? throw CloudWatchErrors.MissingParameter("The parameter Namespace is required.");
        if (ns.StartsWith("AWS/", StringComparison.Ordinal))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {ns} for parameter Namespace is invalid.");
        }

        var data = input.MetricData ?? [];
        if (data.Count == 0)
        {
            throw CloudWatchErrors.MissingParameter("The parameter MetricData is required.");
        }

        if (data.Count > 1000)
        {
            throw CloudWatchErrors.InvalidParameterValue("The collection MetricData must not have a size greater than 1000.");
        }

        var now = time.GetUtcNow();
        var samples = new List<MetricSample>();
        for (var i = 0; i < data.Count; i++)
        {
            samples.AddRange(Samples(ns, data[i], $"MetricData.member.{i + 1}", now));
        }

        await sink.PutAsync(samples, cancellationToken);
        return NoOutput.Instance;
    }

    private static List<MetricSample> Samples(string ns, MetricDatum datum, string at, DateTimeOffset now)
    {
        var name = datum.MetricName ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.MetricName is required.");
        var key = MetricQuery.Key(ns, name, datum.Dimensions, $"{at}.Dimensions");
        var timestamp = datum.Timestamp ?? now;
        if (timestamp < now.AddDays(-14) || timestamp > now.AddHours(2))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The parameter {at}.Timestamp must specify a time no more than two weeks in the past and no more than two hours in the future.");
        }

        var given = (datum.Value is not null ? 1 : 0) + (datum.StatisticValues is not null ? 1 : 0) + (datum.Values is not null ? 1 : 0);
        if (given > 1)
        {
            throw CloudWatchErrors.InvalidParameterCombination(
                $"The parameters {at}.Value, {at}.StatisticValues and {at}.Values are mutually exclusive and you have specified more than one.");
        }

        if (given == 0)
        {
            throw CloudWatchErrors.MissingParameter($"The parameter {at}.Value is required.");
        }

        if (datum.Value is { } value)
        {
            return [MetricSample.Single(key, timestamp, Finite(value, $"{at}.Value"), datum.Unit)];
        }

        if (datum.StatisticValues is { } set)
        {
            var count = Finite(set.SampleCount ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.StatisticValues.SampleCount is required."), $"{at}.StatisticValues.SampleCount");
            var sum = Finite(set.Sum ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.StatisticValues.Sum is required."), $"{at}.StatisticValues.Sum");
            var min = Finite(set.Minimum ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.StatisticValues.Minimum is required."), $"{at}.StatisticValues.Minimum");
            var max = Finite(set.Maximum ?? throw CloudWatchErrors.MissingParameter($"The parameter {at}.StatisticValues.Maximum is required."), $"{at}.StatisticValues.Maximum");
            if (count <= 0 || min > max)
            {
                throw CloudWatchErrors.InvalidParameterValue($"The parameter {at}.StatisticValues is invalid: SampleCount must be positive and Minimum no greater than Maximum.");
            }

            return [new MetricSample(key, timestamp, count, sum, min, max, datum.Unit)];
        }

        var values = datum.Values!;
        var counts = datum.Counts;
        if (counts is not null && counts.Count != values.Count)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameters {at}.Values and {at}.Counts must be of the same size.");
        }

        return values.Select((v, i) =>
        {
            var c = counts is null ? 1 : Finite(counts[i], $"{at}.Counts.member.{i + 1}");
            var x = Finite(v, $"{at}.Values.member.{i + 1}");
            return new MetricSample(key, timestamp, c, x * c, x, x, datum.Unit);
        }).ToList();
    }

    private static double Finite(double value, string parameter) =>
        double.IsFinite(value) && Math.Abs(value) <= 8.515920e+109
            ? value
            : throw CloudWatchErrors.InvalidParameterValue($"The value {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} for parameter {parameter} is invalid.");
}
