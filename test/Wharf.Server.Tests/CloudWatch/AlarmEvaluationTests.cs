using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Metrics;
using Xunit;

namespace Wharf.Server.Tests.CloudWatch;

public sealed class AlarmEvaluationTests
{
    private static readonly DateTimeOffset Now = CloudWatchTestBed.Start.AddSeconds(5);

    [Fact]
    public void Evaluate_AllPeriodsBreach_AlarmWithAwsReason()
    {
        var alarm = Alarm(periods: 3);
        var data = Points(alarm, 90, 85, 70);

        var verdict = AlarmEvaluation.Evaluate(alarm, data, Now)!;

        Assert.Equal("ALARM", verdict.State);
        Assert.Equal(
            "Threshold Crossed: 3 datapoints [70.0 (01/03/26 11:59:00), 85.0 (01/03/26 11:58:00), 90.0 (01/03/26 11:57:00)] were greater than the threshold (50.0).",
            verdict.Reason);
        Assert.Contains("\"threshold\":50", verdict.ReasonData, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneBelow_OkWithNotPhrase()
    {
        var alarm = Alarm(periods: 1);

        var verdict = AlarmEvaluation.Evaluate(alarm, Points(alarm, 10), Now)!;

        Assert.Equal("OK", verdict.State);
        Assert.Equal("Threshold Crossed: 1 datapoint [10.0 (01/03/26 11:59:00)] was not greater than the threshold (50.0).", verdict.Reason);
    }

    [Fact]
    public void Evaluate_TwoOfThree_MOutOfNReason()
    {
        var alarm = Alarm(periods: 3, datapointsToAlarm: 2);

        var verdict = AlarmEvaluation.Evaluate(alarm, Points(alarm, 90, 10, 80), Now)!;

        Assert.Equal("ALARM", verdict.State);
        Assert.Equal(
            "Threshold Crossed: 2 out of the last 3 datapoints [80.0 (01/03/26 11:59:00), 90.0 (01/03/26 11:57:00)] were greater than the threshold (50.0) (minimum 2 datapoints for OK -> ALARM transition).",
            verdict.Reason);
    }

    [Fact]
    public void Evaluate_OneOfThreeWhenTwoNeeded_Ok()
    {
        var alarm = Alarm(periods: 3, datapointsToAlarm: 2);

        Assert.Equal("OK", AlarmEvaluation.Evaluate(alarm, Points(alarm, 90, 10, 10), Now)!.State);
    }

    [Theory]
    [InlineData("missing", "INSUFFICIENT_DATA")]
    [InlineData("breaching", "ALARM")]
    [InlineData("notBreaching", "OK")]
    [InlineData("ignore", null)]
    public void Evaluate_NoData_FollowsTreatMissingData(string treatment, string? expected)
    {
        var alarm = Alarm(periods: 2);
        alarm.TreatMissingData = treatment;

        Assert.Equal(expected, AlarmEvaluation.Evaluate(alarm, [], Now)?.State);
    }

    [Fact]
    public void Evaluate_MissingPeriodTreatedAsBreaching_CountsTowardAlarm()
    {
        var alarm = Alarm(periods: 2);
        alarm.TreatMissingData = "breaching";

        Assert.Equal("ALARM", AlarmEvaluation.Evaluate(alarm, Points(alarm, 90), Now)!.State);
    }

    [Theory]
    [InlineData("GreaterThanOrEqualToThreshold", 50, true)]
    [InlineData("GreaterThanThreshold", 50, false)]
    [InlineData("LessThanThreshold", 49, true)]
    [InlineData("LessThanOrEqualToThreshold", 50, true)]
    [InlineData("LessThanOrEqualToThreshold", 51, false)]
    public void Breaches_ComparesAsItsOperatorSays(string comparison, double value, bool expected) =>
        Assert.Equal(expected, AlarmEvaluation.Breaches(comparison, value, 50));

    [Fact]
    public void Range_EndsAtTheLastWholePeriod()
    {
        var (start, end) = AlarmEvaluation.Range(Alarm(periods: 3), Now);

        Assert.Equal(CloudWatchTestBed.Start, end);
        Assert.Equal(CloudWatchTestBed.Start.AddMinutes(-3), start);
    }

    private static MetricAlarm Alarm(int periods, int? datapointsToAlarm = null) => new()
    {
        AlarmName = "a",
        Namespace = "App",
        MetricName = "Latency",
        Statistic = "Average",
        Period = 60,
        EvaluationPeriods = periods,
        DatapointsToAlarm = datapointsToAlarm,
        Threshold = 50,
        ComparisonOperator = "GreaterThanThreshold",
        TreatMissingData = "missing",
    };

    /// <summary>One datapoint per period of the evaluation range, oldest first.</summary>
    private static List<PeriodStatistics> Points(MetricAlarm alarm, params double[] values)
    {
        var (start, _) = AlarmEvaluation.Range(alarm, Now);
        return [.. values.Select((v, i) => new PeriodStatistics(
            new MetricStatistics(start.AddSeconds(i * 60), 1, v, v, v, null), new Dictionary<string, double>()))];
    }
}
