using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.CloudWatch.MetricOperations;
using Xunit;

namespace Wharf.Server.Tests.CloudWatch;

public sealed class MetricOperationsTests
{
    [Fact]
    public async Task PutThenGetStatistics_RoundTripsPerMinute()
    {
        await using var bed = new CloudWatchTestBed();
        var put = new PutMetricDataHandler(bed.Store, bed.Time);
        var get = new GetMetricStatisticsHandler(bed.Store);
        await put.HandleAsync(new PutMetricDataInput
        {
            Namespace = "App",
            MetricData =
            [
                new MetricDatum { MetricName = "Hits", Value = 4, Timestamp = CloudWatchTestBed.Start.AddSeconds(-30), Unit = "Count" },
                new MetricDatum { MetricName = "Hits", Values = [1, 2], Counts = [1, 3], Timestamp = CloudWatchTestBed.Start.AddSeconds(-20), Unit = "Count" },
                new MetricDatum { MetricName = "Hits", StatisticValues = new StatisticSet { SampleCount = 2, Sum = 10, Minimum = 0, Maximum = 10 }, Timestamp = CloudWatchTestBed.Start.AddSeconds(-10) },
            ],
        }, CloudWatchTestBed.Context, default);

        var output = await get.HandleAsync(new GetMetricStatisticsInput
        {
            Namespace = "App",
            MetricName = "Hits",
            StartTime = CloudWatchTestBed.Start.AddMinutes(-5),
            EndTime = CloudWatchTestBed.Start,
            Period = 60,
            Statistics = ["Sum", "SampleCount", "Maximum", "Minimum"],
            ExtendedStatistics = ["p50"],
        }, CloudWatchTestBed.Context, default);

        var point = Assert.Single(output.Datapoints!);
        Assert.Equal((21.0, 7.0, 10.0, 0.0), (point.Sum, point.SampleCount, point.Maximum, point.Minimum));
        Assert.Null(point.Average);
        Assert.Equal(CloudWatchTestBed.Start.AddMinutes(-1), point.Timestamp);
        Assert.Equal(1, point.ExtendedStatistics!["p50"]);
    }

    [Fact]
    public async Task GetStatistics_TooManyDatapoints_InvalidParameterCombinationWithAwsWording()
    {
        await using var bed = new CloudWatchTestBed();
        var get = new GetMetricStatisticsHandler(bed.Store);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => get.HandleAsync(new GetMetricStatisticsInput
        {
            Namespace = "App",
            MetricName = "Hits",
            StartTime = CloudWatchTestBed.Start.AddDays(-1),
            EndTime = CloudWatchTestBed.Start,
            Period = 1,
            Statistics = ["Sum"],
        }, CloudWatchTestBed.Context, default).AsTask());

        Assert.Equal(("InvalidParameterCombinationException", "InvalidParameterCombination"), (error.Code, error.QueryCode));
        Assert.Equal(
            "You have requested up to 86400 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.",
            error.Message);
    }

    [Theory]
    [InlineData(45, "InvalidParameterCombinationException")]
    [InlineData(0, "InvalidParameterValueException")]
    public async Task GetStatistics_BadPeriod_Refused(int period, string code)
    {
        await using var bed = new CloudWatchTestBed();
        var get = new GetMetricStatisticsHandler(bed.Store);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => get.HandleAsync(new GetMetricStatisticsInput
        {
            Namespace = "App",
            MetricName = "Hits",
            StartTime = CloudWatchTestBed.Start.AddHours(-1),
            EndTime = CloudWatchTestBed.Start,
            Period = period,
            Statistics = ["Sum"],
        }, CloudWatchTestBed.Context, default).AsTask());

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task PutMetricData_AwsNamespace_RefusedAndNothingStored()
    {
        await using var bed = new CloudWatchTestBed();
        var put = new PutMetricDataHandler(bed.Store, bed.Time);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => put.HandleAsync(new PutMetricDataInput
        {
            Namespace = "AWS/ECS",
            MetricData = [new MetricDatum { MetricName = "CPUUtilization", Value = 1 }],
        }, CloudWatchTestBed.Context, default).AsTask());

        Assert.Equal("InvalidParameterValue", error.QueryCode);
        Assert.Empty(await bed.Store.ListAsync(null, null, DateTimeOffset.UnixEpoch, 0, default));
    }

    [Fact]
    public async Task PutMetricData_ValueAndStatisticValues_InvalidParameterCombination()
    {
        await using var bed = new CloudWatchTestBed();
        var put = new PutMetricDataHandler(bed.Store, bed.Time);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => put.HandleAsync(new PutMetricDataInput
        {
            Namespace = "App",
            MetricData = [new MetricDatum { MetricName = "M", Value = 1, StatisticValues = new StatisticSet { SampleCount = 1, Sum = 1, Minimum = 1, Maximum = 1 } }],
        }, CloudWatchTestBed.Context, default).AsTask());

        Assert.Equal("InvalidParameterCombination", error.QueryCode);
    }

    [Fact]
    public async Task GetMetricData_NewestFirst()
    {
        await using var bed = new CloudWatchTestBed();
        var key = CloudWatchTestBed.Key();
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddMinutes(-2), 1);
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddMinutes(-1), 3);
        var handler = new GetMetricDataHandler(bed.Store);

        var output = await handler.HandleAsync(new GetMetricDataInput
        {
            StartTime = CloudWatchTestBed.Start.AddMinutes(-10),
            EndTime = CloudWatchTestBed.Start,
            MetricDataQueries =
            [
                new MetricDataQuery
                {
                    Id = "m1",
                    MetricStat = new MetricStat
                    {
                        Metric = new Metric { Namespace = "App", MetricName = "Latency", Dimensions = [new Dimension { Name = "Service", Value = "web" }] },
                        Period = 60,
                        Stat = "Maximum",
                    },
                },
            ],
        }, CloudWatchTestBed.Context, default);

        var result = Assert.Single(output.MetricDataResults!);
        Assert.Equal([3.0, 1.0], result.Values);
        Assert.Equal("Complete", result.StatusCode);
    }
}
