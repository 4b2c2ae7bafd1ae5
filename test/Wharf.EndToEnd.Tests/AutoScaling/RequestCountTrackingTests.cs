using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.AutoScaling;

/// <summary>
/// Target tracking on the load balancer's request count: a web service behind a target group of
/// an application load balancer, with an ALBRequestCountPerTarget policy (ResourceLabel
/// <c>app/…/targetgroup/…</c>), scales out from 1 to its max of 3 while curl loops send requests
/// through the listener, and back in to 1 after the cooldown once the load drops to a trickle
/// (ELB publishes nothing for a period without requests, so a silent group leaves the low alarm
/// without data, as on AWS). The policy's alarms are CloudWatch alarms on AWS/ApplicationELB
/// RequestCountPerTarget (Sum, dimension TargetGroup); describe-scaling-activities names them as causes.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "AutoScaling")]
public sealed class RequestCountTrackingTests(ScalingFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<ScalingFixture>
{
    private const string Web = """
        {"family": "rc-web", "containerDefinitions": [{"name": "web", "image": "wharf/web:1.0", "essential": true, "memory": 32,
          "environment": [{"name": "SERVICE_NAME", "value": "rc-web"}],
          "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    // 10 requests per target per (10-second) period; the low alarm is under 9.
    private const double Target = 10;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(240);

    [Fact]
    public Task RequestLoad_ScalesOutToMax_ThenInWhenItDrops() => Scenario(async () =>
    {
        var lbArn = Text((await ElbAsync("create-load-balancer", "--name", "rc-lb"))["LoadBalancers"]![0]!["LoadBalancerArn"]);
        var tgArn = Text((await ElbAsync("create-target-group", "--name", "rc-tg", "--protocol", "HTTP", "--port", "80", "--target-type", "instance",
            "--health-check-path", "/health", "--health-check-port", "traffic-port", "--health-check-interval-seconds", "5",
            "--health-check-timeout-seconds", "2", "--healthy-threshold-count", "2", "--unhealthy-threshold-count", "2",
            "--matcher", "HttpCode=200"))["TargetGroups"]![0]!["TargetGroupArn"]);
        await ElbAsync("modify-target-group-attributes", "--target-group-arn", tgArn, "--attributes", "Key=deregistration_delay.timeout_seconds,Value=2");
        var port = FreePorts.Tcp();
        await ElbAsync("create-listener", "--load-balancer-arn", lbArn, "--protocol", "HTTP", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--default-actions", $"Type=forward,TargetGroupArn={tgArn}");
        var url = $"http://127.0.0.1:{port}/";

        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Web);
        await Aws.EcsOkAsync("create-service", "--service-name", "rc-web", "--task-definition", "rc-web:1", "--desired-count", "1",
            "--load-balancers", $"targetGroupArn={tgArn},containerName=web,containerPort=80");
        using var stopHeavy = new CancellationTokenSource();
        using var stopTrickle = new CancellationTokenSource();
        var loads = new List<Task<int>>();
        try
        {
            await Poll.UntilAsync("the listener to answer through the service's task", () => Curl.GetAsync(url), r => r.Status == 200, Timeout,
                r => $"{r.Status} {r.Body}");

            // ResourceLabel as AWS documents it: app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>.
            var lb = lbArn[(lbArn.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..];
            var tg = tgArn[(tgArn.LastIndexOf(':') + 1)..];
            var label = $"{lb}/{tg}";
            Assert.Matches("^app/rc-lb/[0-9a-f]+/targetgroup/rc-tg/[0-9a-f]+$", label);
            await Aws.OkAsync("register-scalable-target", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
                "--resource-id", "service/default/rc-web", "--min-capacity", "1", "--max-capacity", "3");
            var policy = $$"""
                {"TargetValue": {{Target.ToString(CultureInfo.InvariantCulture)}},
                 "PredefinedMetricSpecification": {"PredefinedMetricType": "ALBRequestCountPerTarget", "ResourceLabel": "{{label}}"},
                 "ScaleOutCooldown": 15, "ScaleInCooldown": 15}
                """;
            var put = await Aws.OkAsync("put-scaling-policy", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
                "--resource-id", "service/default/rc-web", "--policy-name", "requests10", "--policy-type", "TargetTrackingScaling",
                "--target-tracking-scaling-policy-configuration", policy);
            var alarms = put["Alarms"]!.AsArray().Select(a => a!["AlarmName"]!.GetValue<string>()).ToList();
            var high = Assert.Single(alarms, a => a.StartsWith("TargetTracking-service/default/rc-web-AlarmHigh-", StringComparison.Ordinal));
            var low = Assert.Single(alarms, a => a.StartsWith("TargetTracking-service/default/rc-web-AlarmLow-", StringComparison.Ordinal));

            // The alarms watch the target group's RequestCountPerTarget as AWS's do: Sum, dimension TargetGroup.
            var described = (await Aws.RunAsync("cloudwatch", "describe-alarms", "--alarm-names", high, low)).EnsureSuccess()["MetricAlarms"]!.AsArray();
            Assert.Equal(2, described.Count);
            Assert.All(described, a =>
            {
                Assert.Equal("AWS/ApplicationELB", Text(a!["Namespace"]));
                Assert.Equal("RequestCountPerTarget", Text(a["MetricName"]));
                Assert.Equal("Sum", Text(a["Statistic"]));
                var dimension = Assert.Single(a["Dimensions"]!.AsArray());
                Assert.Equal(("TargetGroup", tg), (Text(dimension!["Name"]), Text(dimension["Value"])));
                Assert.Equal(put["PolicyARN"]!.GetValue<string>(), Text(Assert.Single(a["AlarmActions"]!.AsArray())));
            });
            Assert.Contains(described, a => a!["Threshold"]!.GetValue<double>() == Target && Text(a["ComparisonOperator"]) == "GreaterThanThreshold");
            Assert.Contains(described, a => a!["Threshold"]!.GetValue<double>() == Target * 0.9 && Text(a["ComparisonOperator"]) == "LessThanThreshold");

            // The surge: two curl loops, each a burst of requests over one connection at a time.
            loads.Add(HeavyAsync(url, stopHeavy.Token));
            loads.Add(HeavyAsync(url, stopHeavy.Token));
            await Poll.UntilAsync("rc-web scaled out to 3", () => Aws.DesiredCountAsync("rc-web"), d => d == 3, Timeout);
            var outActivities = await Aws.ActivitiesAsync("rc-web");
            Output.WriteLine(ScalingCli.Describe(outActivities));
            Assert.All(outActivities, a => Assert.Equal($"monitor alarm {high} in state ALARM triggered policy requests10", Text(a!["Cause"])));
            Assert.Equal("Setting desired count to 3.", Text(outActivities[0]!["Description"]));
            Assert.Equal("Successful", Text(outActivities[0]!["StatusCode"]));

            // Under the same load at the maximum the policy cannot add more: a not scaled activity says why.
            var atMax = await Poll.UntilAsync(
                "a not scaled activity at the maximum",
                () => NotScaledAsync("AlreadyAtMaxCapacity"),
                a => a is not null,
                Timeout);
            Assert.Equal(3, atMax!["NotScaledReasons"]![0]!["MaxCapacity"]!.GetValue<int>());
            Assert.Equal(3, atMax["NotScaledReasons"]![0]!["CurrentCapacity"]!.GetValue<int>());
            Assert.Equal("Failed", Text(atMax["StatusCode"]));
            Assert.Equal($"monitor alarm {high} in state ALARM triggered policy requests10", Text(atMax["Cause"]));
            Assert.DoesNotContain(await Aws.ActivitiesAsync("rc-web"), a => a!["NotScaledReasons"] is not null);

            // The metric the alarm watched is there for the user too.
            var sum = await RequestsPerTargetAsync(tg);
            Output.WriteLine($"RequestCountPerTarget over the last 10 minutes: {sum}");
            Assert.True(sum > Target, $"RequestCountPerTarget sums to {sum}");

            // The surge ends; a trickle (one request every 2 s) keeps the metric published, well under the target.
            await stopHeavy.CancelAsync();
            loads.Add(TrickleAsync(url, stopTrickle.Token));
            await Poll.UntilAsync("rc-web scaled in to 1", () => Aws.DesiredCountAsync("rc-web"), d => d == 1, Timeout);
            var inActivities = await Aws.ActivitiesAsync("rc-web");
            Output.WriteLine(ScalingCli.Describe(inActivities));
            Assert.Equal("Setting desired count to 1.", Text(inActivities[0]!["Description"]));
            Assert.Equal($"monitor alarm {low} in state ALARM triggered policy requests10", Text(inActivities[0]!["Cause"]));
            Assert.Equal("Successful", Text(inActivities[0]!["StatusCode"]));

            // The trickle goes on at the minimum: the low alarm's runs are recorded as not scaled.
            var atMin = await Poll.UntilAsync(
                "a not scaled activity at the minimum",
                () => NotScaledAsync("AlreadyAtMinCapacity"),
                a => a is not null,
                Timeout);
            Assert.Equal(1, atMin!["NotScaledReasons"]![0]!["MinCapacity"]!.GetValue<int>());
            Assert.Equal($"monitor alarm {low} in state ALARM triggered policy requests10", Text(atMin["Cause"]));
        }
        finally
        {
            await stopHeavy.CancelAsync();
            await stopTrickle.CancelAsync();
            var served = await Task.WhenAll(loads);
            Output.WriteLine($"requests answered 200: {served.Sum()}");
            await Aws.EcsAsync("delete-service", "--service", "rc-web", "--force");
        }
    });

    /// <summary>The newest not scaled activity of rc-web with <paramref name="code"/>, or null.</summary>
    private async Task<JsonNode?> NotScaledAsync(string code) =>
        (await Aws.OkAsync("describe-scaling-activities", "--service-namespace", "ecs", "--resource-id", "service/default/rc-web",
            "--include-not-scaled-activities"))["ScalingActivities"]!.AsArray()
            .FirstOrDefault(a => a!["NotScaledReasons"]?.AsArray().Any(r => Text(r!["Code"]) == code) == true);

    /// <summary>curl in a loop, 25 requests a run, until cancelled: how many were answered 200.</summary>
    private static async Task<int> HeavyAsync(string url, CancellationToken cancellationToken)
    {
        var ok = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var result = await ProcessRunner.RunAsync(
                    "curl", ["-s", "-o", "/dev/null", "--max-time", "20", "-w", "%{http_code}\n", $"{url}load/[1-25]"],
                    timeout: TimeSpan.FromSeconds(30), cancellationToken: cancellationToken);
                ok += result.StdOut.Split('\n').Count(line => line.Trim() == "200");
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (TimeoutException)
            {
                // A run that hung on a loaded machine: start the next.
            }
        }

        return ok;
    }

    /// <summary>One request every 2 seconds until cancelled: how many were answered 200.</summary>
    private static async Task<int> TrickleAsync(string url, CancellationToken cancellationToken)
    {
        var ok = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            if ((await Curl.GetAsync(url)).Status == 200)
            {
                ok++;
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return ok;
    }

    /// <summary>The Sum of RequestCountPerTarget {TargetGroup} over the last ten minutes, with get-metric-statistics.</summary>
    private async Task<double> RequestsPerTargetAsync(string targetGroup)
    {
        var now = DateTime.UtcNow;
        var stats = (await Aws.RunAsync("cloudwatch", "get-metric-statistics", "--namespace", "AWS/ApplicationELB",
            "--metric-name", "RequestCountPerTarget", "--dimensions", $"Name=TargetGroup,Value={targetGroup}",
            "--start-time", now.AddMinutes(-10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "--end-time", now.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "--period", "60", "--statistics", "Sum")).EnsureSuccess();
        return stats["Datapoints"]!.AsArray().Sum(p => p!["Sum"]!.GetValue<double>());
    }

    private async Task<JsonNode> ElbAsync(params string[] args) => (await Aws.RunAsync(["elbv2", .. args])).EnsureSuccess();

    private static string Text(JsonNode? node) => node!.GetValue<string>();
}
