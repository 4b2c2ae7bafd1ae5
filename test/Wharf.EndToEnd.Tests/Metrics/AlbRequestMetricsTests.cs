using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;
using Wharf.EndToEnd.Tests.LoadBalancing;

namespace Wharf.EndToEnd.Tests.Metrics;

/// <summary>
/// AWS/ApplicationELB request counts from the data plane: requests curl sends through a listener
/// to a one-target group show up as RequestCount and RequestCountPerTarget with ELB's dimension
/// values (<c>app/NAME/ID</c>, <c>targetgroup/NAME/ID</c>).
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Metrics")]
public sealed class AlbRequestMetricsTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const int Requests = 12;

    [Fact]
    public Task RequestsThroughAListener_CountedPerTargetGroup() => Scenario(async () =>
    {
        await using var backend = new Backend("counted");
        var lbArn = Text((await ElbAsync("create-load-balancer", "--name", "counted"))["LoadBalancers"]![0]!["LoadBalancerArn"]);
        var tgArn = Text((await ElbAsync(
            "create-target-group", "--name", "counted-tg", "--protocol", "HTTP", "--port", "80", "--target-type", "ip",
            "--health-check-path", "/health", "--health-check-interval-seconds", "5", "--health-check-timeout-seconds", "2",
            "--healthy-threshold-count", "2", "--matcher", "HttpCode=200"))["TargetGroups"]![0]!["TargetGroupArn"]);
        var port = FreePorts.Tcp();
        await ElbAsync("create-listener", "--load-balancer-arn", lbArn, "--protocol", "HTTP", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--default-actions", $"Type=forward,TargetGroupArn={tgArn}");
        await ElbAsync("register-targets", "--target-group-arn", tgArn, "--targets", $"Id=127.0.0.1,Port={backend.Port}");
        (await Aws.RunAsync("elbv2", "wait", "target-in-service", "--target-group-arn", tgArn)).EnsureSuccess();
        await Poll.UntilAsync("the listener to answer", () => Curl.GetAsync($"http://127.0.0.1:{port}/"), r => r.Status == 200, TimeSpan.FromSeconds(60));
        for (var i = 0; i < Requests; i++)
        {
            Assert.Equal(200, (await Curl.GetAsync($"http://127.0.0.1:{port}/n/{i}")).Status);
        }

        var lb = lbArn[(lbArn.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..];
        var tg = tgArn[(tgArn.LastIndexOf(':') + 1)..];
        var counts = (await Aws.Boto3Async($$"""
            import datetime, time
            cw = boto3.client("cloudwatch", endpoint_url=_endpoint, region_name="us-east-1", config=Config(retries=_retries))
            def total(name, dims):
                now = datetime.datetime.now(datetime.timezone.utc)
                points = cw.get_metric_statistics(Namespace="AWS/ApplicationELB", MetricName=name,
                    Dimensions=[{"Name": k, "Value": v} for k, v in dims],
                    StartTime=now - datetime.timedelta(minutes=10), EndTime=now + datetime.timedelta(minutes=1),
                    Period=60, Statistics=["Sum"])["Datapoints"]
                return sum(p["Sum"] for p in points)
            # The four sums are four calls: a publish (every 10 s) landing between them makes one
            # snapshot mix counts from before and after it, so poll until one is whole and agrees.
            deadline = time.time() + 90
            while True:
                got = {
                    "lb": total("RequestCount", [("LoadBalancer", "{{lb}}")]),
                    "group": total("RequestCount", [("LoadBalancer", "{{lb}}"), ("TargetGroup", "{{tg}}")]),
                    "per_target": total("RequestCountPerTarget", [("LoadBalancer", "{{lb}}"), ("TargetGroup", "{{tg}}")]),
                    "per_target_group_only": total("RequestCountPerTarget", [("TargetGroup", "{{tg}}")]),
                }
                whole = got["group"] >= {{Requests}} and got["lb"] >= got["group"]
                agree = got["per_target"] == got["group"] and got["per_target_group_only"] == got["group"]
                if (whole and agree) or time.time() > deadline:
                    break
                time.sleep(2)
            out(got)
            """)).EnsureSuccess();
        Output.WriteLine(counts.ToJsonString());

        // The first answered request, and any the waiter's polls made, count too.
        Assert.InRange(counts["group"]!.GetValue<double>(), Requests, Requests + 100);
        Assert.True(counts["lb"]!.GetValue<double>() >= counts["group"]!.GetValue<double>());
        Assert.Equal(counts["group"]!.GetValue<double>(), counts["per_target"]!.GetValue<double>());
        Assert.Equal(counts["group"]!.GetValue<double>(), counts["per_target_group_only"]!.GetValue<double>());
    });

    private async Task<JsonNode> ElbAsync(params string[] args) => (await Aws.RunAsync(["elbv2", .. args])).EnsureSuccess();

    private static string Text(JsonNode? node) => node!.GetValue<string>();
}
