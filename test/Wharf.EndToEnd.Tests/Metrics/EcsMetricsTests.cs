using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Metrics;

/// <summary>
/// AWS/ECS metrics from the containers' real usage: a service whose container burns CPU and holds
/// about 10 MiB shows a high CPUUtilization and a real MemoryUtilization against its reservation,
/// an idle service beside it stays low, and the cluster's metrics (utilization and reservation)
/// are there too, all through <c>aws cloudwatch get-metric-statistics</c>.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Metrics")]
public sealed class EcsMetricsTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    // Container CPU 128 (CPU shares) and memory 64 MiB: even with the machine busy the burner
    // gets far more than 128 units' share of a core, so its utilization is well above 20%.
    private const string Burner = """
        {"family": "cpu-burner", "containerDefinitions": [{"name": "burn", "image": "wharf/busybox:1.0", "essential": true,
          "cpu": 128, "memory": 64,
          "command": ["sh", "-c", "x=$(head -c 10000000 /dev/zero | tr '\\0' a); while :; do :; done"]}]}
        """;

    private const string Idle = """
        {"family": "idle", "containerDefinitions": [{"name": "idle", "image": "wharf/busybox:1.0", "essential": true,
          "cpu": 128, "memory": 64, "command": ["sleep", "3600"]}]}
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public Task ServiceAndClusterMetrics_FromDockerStats() => Scenario(async () =>
    {
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Burner);
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Idle);
        await Aws.EcsOkAsync("create-service", "--service-name", "burn", "--task-definition", "cpu-burner", "--desired-count", "1");
        await Aws.EcsOkAsync("create-service", "--service-name", "idle", "--task-definition", "idle", "--desired-count", "1");
        try
        {
            var cpu = await Poll.UntilAsync(
                "service CPUUtilization of the burner above 20%",
                () => StatisticsAsync("CPUUtilization", ("ClusterName", "default"), ("ServiceName", "burn")),
                points => points.Any(p => p["Maximum"]!.GetValue<double>() > 20),
                Timeout,
                points => new JsonArray([.. points.Select(p => p.DeepClone())]).ToJsonString());
            Output.WriteLine("burn CPUUtilization: " + new JsonArray([.. cpu.Select(p => p.DeepClone())]).ToJsonString());
            Assert.All(cpu, p => Assert.Equal("Percent", p["Unit"]!.GetValue<string>()));

            // The rest in one boto3 process (the same botocore and protocol as the CLI): memory,
            // the idle service, and the cluster's four metrics, polled until each has data.
            var rest = (await Aws.Boto3Async("""
                import datetime, time
                cw = boto3.client("cloudwatch", endpoint_url=_endpoint, region_name="us-east-1", config=Config(retries=_retries))
                def stats(name, dims):
                    now = datetime.datetime.now(datetime.timezone.utc)
                    return cw.get_metric_statistics(Namespace="AWS/ECS", MetricName=name,
                        Dimensions=[{"Name": k, "Value": v} for k, v in dims],
                        StartTime=now - datetime.timedelta(minutes=10), EndTime=now + datetime.timedelta(minutes=1),
                        Period=60, Statistics=["Average", "Maximum"])["Datapoints"]
                wanted = {
                    "memory": ("MemoryUtilization", [("ClusterName", "default"), ("ServiceName", "burn")]),
                    "idle": ("CPUUtilization", [("ClusterName", "default"), ("ServiceName", "idle")]),
                    "cpu": ("CPUUtilization", [("ClusterName", "default"), ("ServiceName", "burn")]),
                    "cluster_cpu": ("CPUUtilization", [("ClusterName", "default")]),
                    "cluster_memory": ("MemoryUtilization", [("ClusterName", "default")]),
                    "cluster_cpu_reservation": ("CPUReservation", [("ClusterName", "default")]),
                    "cluster_memory_reservation": ("MemoryReservation", [("ClusterName", "default")]),
                }
                deadline = time.time() + 100
                while True:
                    got = {k: stats(*v) for k, v in wanted.items()}
                    done = all(got.values()) and any(p["Maximum"] > 5 for p in got["memory"])
                    if done or time.time() > deadline:
                        break
                    time.sleep(2)
                out(got)
                """)).EnsureSuccess();
            Output.WriteLine(rest.ToJsonString());
            double Max(string key, string statistic) => rest[key]!.AsArray().Max(p => p![statistic]!.GetValue<double>());
            Assert.True(Max("memory", "Maximum") > 5, "the burner's ~10 MiB show against its 64 MiB");
            Assert.InRange(Max("memory", "Maximum"), 0, 100);
            Assert.True(Max("idle", "Average") < Max("cpu", "Average"), "the idle service uses less of its reservation than the burner");
            foreach (var name in new[] { "cluster_cpu", "cluster_memory", "cluster_cpu_reservation", "cluster_memory_reservation" })
            {
                Assert.True(Max(name, "Maximum") > 0, name);
                Assert.InRange(Max(name, "Average"), 0, 100);
            }

            var listed = (await Aws.RunAsync("cloudwatch", "list-metrics", "--namespace", "AWS/ECS", "--dimensions", "Name=ServiceName,Value=burn")).EnsureSuccess();
            Assert.Equal(
                ["CPUUtilization", "MemoryUtilization"],
                listed["Metrics"]!.AsArray().Select(m => m!["MetricName"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        }
        finally
        {
            await Aws.EcsAsync("delete-service", "--service", "burn", "--force");
            await Aws.EcsAsync("delete-service", "--service", "idle", "--force");
        }
    });

    private async Task<List<JsonNode>> StatisticsAsync(string metric, params (string Name, string Value)[] dimensions)
    {
        var now = DateTimeOffset.UtcNow;
        var result = (await Aws.RunAsync(
        [
            "cloudwatch", "get-metric-statistics", "--namespace", "AWS/ECS", "--metric-name", metric,
            "--dimensions", .. dimensions.Select(d => $"Name={d.Name},Value={d.Value}"),
            "--start-time", Iso(now.AddMinutes(-10)), "--end-time", Iso(now.AddMinutes(1)), "--period", "60",
            "--statistics", "Average", "Maximum", "SampleCount",
        ])).EnsureSuccess();
        return [.. result["Datapoints"]!.AsArray().Select(p => p!)];
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
