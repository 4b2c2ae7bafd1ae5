using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Metrics;

/// <summary>
/// CloudWatch metrics and alarms through the real AWS CLI (RPC v2 CBOR) and boto3 forced onto the
/// Query and JSON 1.0 protocols: a put/get round trip, an alarm on a custom metric going to ALARM on the values
/// put and back by SetAlarmState, its history, and AWS's errors for bad input.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Metrics")]
public sealed class CloudWatchApiTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public Task PutMetricData_ThenGetMetricStatistics_RoundTripsOverCbor() => Scenario(async () =>
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-2);
        var minute = at.AddSeconds(-at.Second).AddMilliseconds(-at.Millisecond);
        await CloudWatchOkAsync(
            "put-metric-data", "--namespace", "Shop", "--metric-name", "Orders", "--unit", "Count",
            "--dimensions", "Store=north", "--timestamp", Iso(minute.AddSeconds(10)), "--value", "4");
        await CloudWatchOkAsync(
            "put-metric-data", "--namespace", "Shop", "--metric-name", "Orders", "--unit", "Count",
            "--dimensions", "Store=north", "--timestamp", Iso(minute.AddSeconds(20)), "--value", "8");

        var stats = await CloudWatchOkAsync(
            "get-metric-statistics", "--namespace", "Shop", "--metric-name", "Orders", "--dimensions", "Name=Store,Value=north",
            "--start-time", Iso(minute.AddMinutes(-5)), "--end-time", Iso(minute.AddMinutes(5)), "--period", "60",
            "--statistics", "Sum", "Average", "SampleCount", "Maximum");

        Assert.Equal("Orders", stats["Label"]!.GetValue<string>());
        var point = Assert.Single(stats["Datapoints"]!.AsArray())!;
        Assert.Equal(12, point["Sum"]!.GetValue<double>());
        Assert.Equal(6, point["Average"]!.GetValue<double>());
        Assert.Equal(2, point["SampleCount"]!.GetValue<double>());
        Assert.Equal("Count", point["Unit"]!.GetValue<string>());

        var listed = await CloudWatchOkAsync("list-metrics", "--namespace", "Shop");
        Assert.Contains(listed["Metrics"]!.AsArray(), m => m!["MetricName"]!.GetValue<string>() == "Orders");
    });

    [Fact]
    public Task PutMetricData_LargeBatch_GzippedByTheCli_Stored() => Scenario(async () =>
    {
        // 500 data make a body well over botocore's 10 KiB compression threshold: it arrives gzipped.
        var data = new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)new JsonObject
        {
            ["MetricName"] = "Load",
            ["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = "Host", ["Value"] = $"host-{i:D3}" }),
            ["Value"] = i,
        })]);
        var file = Path.Combine(Path.GetTempPath(), $"wharf-metrics-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, data.ToJsonString());
        try
        {
            await CloudWatchOkAsync("put-metric-data", "--namespace", "Bulk", "--metric-data", "file://" + file);
        }
        finally
        {
            File.Delete(file);
        }

        var listed = await CloudWatchOkAsync("list-metrics", "--namespace", "Bulk", "--no-paginate");
        Assert.Equal(500, listed["Metrics"]!.AsArray().Count);
    });

    [Theory]
    [InlineData("query")]
    [InlineData("json")]
    public Task OtherProtocols_Boto3_PutGetAndErrors(string protocol) => Scenario(async () =>
    {
        var result = await Aws.Boto3Async(ClientFor(protocol) + $$"""
            import datetime
            now = datetime.datetime.now(datetime.timezone.utc)
            put = call(cw.put_metric_data, Namespace="{{protocol}}App", MetricData=[
                {"MetricName": "Latency", "Value": 30.0, "Unit": "Milliseconds", "Timestamp": now - datetime.timedelta(seconds=90)},
                {"MetricName": "Latency", "Value": 50.0, "Unit": "Milliseconds", "Timestamp": now - datetime.timedelta(seconds=90)}])
            got = call(cw.get_metric_statistics, Namespace="{{protocol}}App", MetricName="Latency",
                StartTime=now - datetime.timedelta(minutes=10), EndTime=now, Period=600, Statistics=["Average", "Maximum"])
            too_many = call(cw.get_metric_statistics, Namespace="{{protocol}}App", MetricName="Latency",
                StartTime=now - datetime.timedelta(days=1), EndTime=now, Period=1, Statistics=["Average"])
            missing = call(cw.set_alarm_state, AlarmName="no-such-alarm", StateValue="OK", StateReason="x")
            out({"protocol": cw.meta.service_model.protocol, "put": put, "got": got, "too_many": too_many, "missing": missing})
            """);
        var json = result.EnsureSuccess();
        Output.WriteLine(json.ToJsonString());

        Assert.Equal(protocol, json["protocol"]!.GetValue<string>());
        Assert.NotNull(json["put"]!["ok"]);
        var point = Assert.Single(json["got"]!["ok"]!["Datapoints"]!.AsArray())!;
        Assert.Equal(40, point["Average"]!.GetValue<double>());
        Assert.Equal(50, point["Maximum"]!.GetValue<double>());
        Assert.Equal("InvalidParameterCombination", json["too_many"]!["code"]!.GetValue<string>());
        Assert.StartsWith("You have requested up to 86400 datapoints, which exceeds the limit of 1440.", json["too_many"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, json["too_many"]!["status"]!.GetValue<int>());
        Assert.Equal("ResourceNotFound", json["missing"]!["code"]!.GetValue<string>());
    });

    [Fact]
    public Task Alarm_OnCustomMetric_GoesToAlarmOnHighValues() => Scenario(async () =>
    {
        await CloudWatchOkAsync(
            "put-metric-alarm", "--alarm-name", "queue-deep", "--namespace", "Jobs", "--metric-name", "QueueDepth",
            "--dimensions", "Name=Queue,Value=emails", "--statistic", "Average", "--period", "10", "--evaluation-periods", "1",
            "--threshold", "50", "--comparison-operator", "GreaterThanThreshold", "--treat-missing-data", "missing");
        var created = await AlarmAsync("queue-deep");
        Assert.Equal("INSUFFICIENT_DATA", created["StateValue"]!.GetValue<string>());
        Assert.Equal("arn:aws:cloudwatch:us-east-1:" + Wharf.AccountId + ":alarm:queue-deep", created["AlarmArn"]!.GetValue<string>());

        // Keep the metric high while the alarm's 10-second periods roll by.
        var alarm = await Poll.UntilAsync(
            "the alarm in ALARM",
            async () =>
            {
                await CloudWatchOkAsync("put-metric-data", "--namespace", "Jobs", "--metric-name", "QueueDepth", "--dimensions", "Queue=emails", "--value", "90");
                return await AlarmAsync("queue-deep");
            },
            a => a["StateValue"]!.GetValue<string>() == "ALARM",
            Timeout,
            a => a.ToJsonString());
        Assert.StartsWith("Threshold Crossed: 1 datapoint [90.0 (", alarm["StateReason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("] was greater than the threshold (50.0).", alarm["StateReason"]!.GetValue<string>(), StringComparison.Ordinal);

        var history = await CloudWatchOkAsync("describe-alarm-history", "--alarm-name", "queue-deep", "--history-item-type", "StateUpdate");
        Assert.Contains(history["AlarmHistoryItems"]!.AsArray(), h => h!["HistorySummary"]!.GetValue<string>() == "Alarm updated from INSUFFICIENT_DATA to ALARM");
        var forMetric = await CloudWatchOkAsync(
            "describe-alarms-for-metric", "--namespace", "Jobs", "--metric-name", "QueueDepth", "--dimensions", "Name=Queue,Value=emails");
        Assert.Single(forMetric["MetricAlarms"]!.AsArray());

        // SetAlarmState holds only until the next evaluation, which may put the alarm straight back in ALARM
        // (as on AWS): the history keeps the manual transition either way.
        await CloudWatchOkAsync("set-alarm-state", "--alarm-name", "queue-deep", "--state-value", "OK", "--state-reason", "manual");
        var updates = await CloudWatchOkAsync("describe-alarm-history", "--alarm-name", "queue-deep", "--history-item-type", "StateUpdate");
        Assert.Contains(updates["AlarmHistoryItems"]!.AsArray(), h =>
            h!["HistorySummary"]!.GetValue<string>().EndsWith(" to OK", StringComparison.Ordinal)
            && JsonNode.Parse(h["HistoryData"]!.GetValue<string>())!["newState"]!["stateReason"]!.GetValue<string>() == "manual");

        await CloudWatchOkAsync("delete-alarms", "--alarm-names", "queue-deep");
        Assert.Empty((await CloudWatchOkAsync("describe-alarms", "--alarm-names", "queue-deep"))["MetricAlarms"]!.AsArray());
        Assert.Equal("ResourceNotFound", (await Aws.RunAsync("cloudwatch", "delete-alarms", "--alarm-names", "queue-deep")).ErrorCode);
    });

    [Fact]
    public Task BadInput_AwsErrorsAndNothingChanged() => Scenario(async () =>
    {
        var now = DateTimeOffset.UtcNow;
        var period = await Aws.RunAsync(
            "cloudwatch", "get-metric-statistics", "--namespace", "Shop", "--metric-name", "Orders",
            "--start-time", Iso(now.AddHours(-1)), "--end-time", Iso(now), "--period", "45", "--statistics", "Sum");
        Assert.Equal("InvalidParameterCombination", period.ErrorCode);

        var reserved = await Aws.RunAsync("cloudwatch", "put-metric-data", "--namespace", "AWS/ECS", "--metric-name", "CPUUtilization", "--value", "1");
        Assert.Equal("InvalidParameterValue", reserved.ErrorCode);
        Assert.DoesNotContain(
            (await CloudWatchOkAsync("list-metrics", "--namespace", "AWS/ECS", "--metric-name", "CPUUtilization"))["Metrics"]!.AsArray(),
            m => m!["Dimensions"]!.AsArray().Count == 0);

        var badAlarm = await Aws.RunAsync(
            "cloudwatch", "put-metric-alarm", "--alarm-name", "bad", "--namespace", "Jobs", "--metric-name", "QueueDepth",
            "--statistic", "Average", "--period", "60", "--evaluation-periods", "2", "--datapoints-to-alarm", "3",
            "--threshold", "1", "--comparison-operator", "GreaterThanThreshold");
        Assert.Equal("InvalidParameterValue", badAlarm.ErrorCode);
        Assert.Empty((await CloudWatchOkAsync("describe-alarms", "--alarm-names", "bad"))["MetricAlarms"]!.AsArray());

        var unknownState = await Aws.RunAsync("cloudwatch", "set-alarm-state", "--alarm-name", "nope", "--state-value", "OK", "--state-reason", "x");
        Assert.Equal("ResourceNotFound", unknownState.ErrorCode);
    });

    // botocore prefers RPC v2 CBOR for CloudWatch; a copy of its model that names only one other
    // protocol makes boto3 speak it: Query (form bodies, XML answers), as older SDKs and Debian's
    // AWS CLI v2 do, or JSON 1.0 (X-Amz-Target GraniteServiceVersion20100801.*).
    private static string ClientFor(string protocol) => $$"""
        import tempfile, botocore.loaders, boto3
        _model = botocore.loaders.Loader().load_service_model("cloudwatch", "service-2")
        _model["metadata"]["protocol"] = "{{protocol}}"
        _model["metadata"]["protocols"] = ["{{protocol}}"]
        _dir = tempfile.mkdtemp()
        os.makedirs(os.path.join(_dir, "cloudwatch", _model["metadata"]["apiVersion"]))
        with open(os.path.join(_dir, "cloudwatch", _model["metadata"]["apiVersion"], "service-2.json"), "w") as f:
            json.dump(_model, f)
        os.environ["AWS_DATA_PATH"] = _dir
        cw = boto3.session.Session().client("cloudwatch", endpoint_url=_endpoint, region_name="us-east-1", config=Config(retries=_retries))

        """;

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task<JsonNode> CloudWatchOkAsync(params string[] args) => (await Aws.RunAsync(["cloudwatch", .. args])).EnsureSuccess();

    private async Task<JsonNode> AlarmAsync(string name) =>
        Assert.Single((await CloudWatchOkAsync("describe-alarms", "--alarm-names", name))["MetricAlarms"]!.AsArray())!;
}
