using Wharf.Server.CloudWatch.Metrics;
using Xunit;

namespace Wharf.Server.Tests.CloudWatch;

public sealed class MetricStoreTests
{
    [Fact]
    public async Task Query_MinutePeriod_AggregatesEachMinuteFromRollups()
    {
        await using var bed = new CloudWatchTestBed();
        var key = CloudWatchTestBed.Key();
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(5), 10, 20);
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(50), 30);
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(70), 100);

        var stats = await bed.Store.StatisticsAsync(key, CloudWatchTestBed.Start, CloudWatchTestBed.Start.AddMinutes(5), TimeSpan.FromMinutes(1), default);

        Assert.Equal(2, stats.Count);
        Assert.Equal(CloudWatchTestBed.Start, stats[0].Timestamp);
        Assert.Equal(3, stats[0].SampleCount);
        Assert.Equal(60, stats[0].Sum);
        Assert.Equal(20, stats[0].Average);
        Assert.Equal(10, stats[0].Minimum);
        Assert.Equal(30, stats[0].Maximum);
        Assert.Equal("Milliseconds", stats[0].Unit);
        Assert.Equal(CloudWatchTestBed.Start.AddMinutes(1), stats[1].Timestamp);
        Assert.Equal(100, stats[1].Sum);
    }

    [Fact]
    public async Task Query_TenSecondPeriod_UsesRawSamples()
    {
        await using var bed = new CloudWatchTestBed();
        var key = CloudWatchTestBed.Key();
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(1), 1);
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(12), 2);
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(19), 4);

        var stats = await bed.Store.StatisticsAsync(key, CloudWatchTestBed.Start, CloudWatchTestBed.Start.AddMinutes(1), TimeSpan.FromSeconds(10), default);

        Assert.Equal([1.0, 6.0], stats.Select(s => s.Sum));
        Assert.Equal([CloudWatchTestBed.Start, CloudWatchTestBed.Start.AddSeconds(10)], stats.Select(s => s.Timestamp));
    }

    [Fact]
    public async Task Query_DimensionsInAnyOrder_SameMetric()
    {
        await using var bed = new CloudWatchTestBed();
        var a = new MetricKey("App", "M", [new("B", "2"), new("A", "1")]);
        var b = new MetricKey("App", "M", [new("A", "1"), new("B", "2")]);
        await bed.PutAsync(a, CloudWatchTestBed.Start, 5);

        var stats = await bed.Store.StatisticsAsync(b, CloudWatchTestBed.Start, CloudWatchTestBed.Start.AddMinutes(1), TimeSpan.FromMinutes(1), default);

        Assert.Single(stats);
    }

    [Fact]
    public async Task Query_Percentiles_FromRawValues()
    {
        await using var bed = new CloudWatchTestBed();
        var key = CloudWatchTestBed.Key();
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(1), [.. Enumerable.Range(1, 100).Select(i => (double)i)]);

        var periods = await bed.Store.QueryAsync(key, CloudWatchTestBed.Start, CloudWatchTestBed.Start.AddMinutes(1), TimeSpan.FromMinutes(1), null, [90, 50], default);

        Assert.Equal(90, periods[0].Percentiles["p90"]);
        Assert.Equal(50, periods[0].Percentiles["p50"]);
    }

    [Fact]
    public async Task Query_UnitFilter_LeavesOtherUnitsOut()
    {
        await using var bed = new CloudWatchTestBed();
        var key = CloudWatchTestBed.Key();
        await bed.Store.PutAsync([MetricSample.Single(key, CloudWatchTestBed.Start, 1, "Seconds"), MetricSample.Single(key, CloudWatchTestBed.Start, 7, "Count")], default);

        var periods = await bed.Store.QueryAsync(key, CloudWatchTestBed.Start, CloudWatchTestBed.Start.AddMinutes(1), TimeSpan.FromMinutes(1), "Count", [], default);

        Assert.Equal(7, Assert.Single(periods).Statistics.Sum);
    }

    [Fact]
    public async Task List_FiltersByNamespaceAndName()
    {
        await using var bed = new CloudWatchTestBed();
        await bed.PutAsync(CloudWatchTestBed.Key("A"), CloudWatchTestBed.Start, 1);
        await bed.PutAsync(CloudWatchTestBed.Key("B"), CloudWatchTestBed.Start, 1);
        await bed.PutAsync(CloudWatchTestBed.Key("A", "Other"), CloudWatchTestBed.Start, 1);

        var all = await bed.Store.ListAsync("App", null, CloudWatchTestBed.Start.AddDays(-1), 0, default);
        var named = await bed.Store.ListAsync(null, "A", CloudWatchTestBed.Start.AddDays(-1), 0, default);

        Assert.Equal(["A", "B"], all.Select(m => m.Key.MetricName));
        Assert.Equal(["App", "Other"], named.Select(m => m.Key.Namespace));
    }

    [Fact]
    public async Task EnforceRetention_DropsRawPastRawRetention_KeepsMinutes()
    {
        await using var bed = new CloudWatchTestBed();
        var key = CloudWatchTestBed.Key();
        await bed.PutAsync(key, CloudWatchTestBed.Start, 3);
        bed.Time.Advance(TimeSpan.FromHours(4));

        await bed.Store.EnforceRetentionAsync(bed.Options, default);

        var raw = await bed.Store.StatisticsAsync(key, CloudWatchTestBed.Start, CloudWatchTestBed.Start.AddMinutes(1), TimeSpan.FromSeconds(30), default);
        var minutes = await bed.Store.StatisticsAsync(key, CloudWatchTestBed.Start, CloudWatchTestBed.Start.AddMinutes(1), TimeSpan.FromMinutes(1), default);
        Assert.Empty(raw);
        Assert.Equal(3, Assert.Single(minutes).Sum);
    }

    [Fact]
    public async Task EnforceRetention_PastRetention_ForgetsTheMetric()
    {
        await using var bed = new CloudWatchTestBed();
        await bed.PutAsync(CloudWatchTestBed.Key(), CloudWatchTestBed.Start, 3);
        bed.Time.Advance(TimeSpan.FromDays(16));

        await bed.Store.EnforceRetentionAsync(bed.Options, default);

        Assert.Empty(await bed.Store.ListAsync(null, null, DateTimeOffset.MinValue.AddYears(2000), 0, default));
    }
}
