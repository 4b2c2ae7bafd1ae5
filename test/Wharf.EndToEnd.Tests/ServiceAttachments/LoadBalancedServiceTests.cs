using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.ServiceAttachments;

/// <summary>
/// ECS services behind the application load balancer, through the real AWS CLI, curl and Docker:
/// the two-services tutorial (a default group and a <c>/random*</c> rule, 2 and 4 tasks on dynamic
/// host ports registered by the service), a task whose health path fails stopped with ECS's ELB
/// reason and replaced, and a rolling update under continuous requests that loses none because
/// old targets drain before their containers are stopped.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "ServiceAttachments")]
public sealed class LoadBalancedServiceTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private static readonly TimeSpan Healthy = TimeSpan.FromSeconds(180);

    private static string Definition(string family, string image, string name) => $$"""
        {"family": "{{family}}", "containerDefinitions": [{"name": "web", "image": "{{image}}", "essential": true, "memory": 32,
          "environment": [{"name": "SERVICE_NAME", "value": "{{name}}"}],
          "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    [Fact]
    public Task TwoServices_PathRule_HealAndRollWithoutFailedRequests() => Scenario(async () =>
    {
        var lbArn = Text((await ElbAsync("create-load-balancer", "--name", "tutorial"))["LoadBalancers"]![0]!["LoadBalancerArn"]);
        // The rollout below must see an old target draining while its container runs: the drain lasts
        // longer than one of its polls (five CLI calls) takes on a loaded machine.
        var defaultTg = await TargetGroupAsync("default", deregistrationDelaySeconds: 20);
        var randomTg = await TargetGroupAsync("random");
        var port = FreePorts.Tcp();
        var listenerArn = Text((await ElbAsync("create-listener", "--load-balancer-arn", lbArn, "--protocol", "HTTP", "--port", Str(port),
            "--default-actions", $"Type=forward,TargetGroupArn={defaultTg}"))["Listeners"]![0]!["ListenerArn"]);
        await ElbAsync("create-rule", "--listener-arn", listenerArn, "--priority", "10",
            "--conditions", "Field=path-pattern,Values=/random*", "--actions", $"Type=forward,TargetGroupArn={randomTg}");

        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("lb-default", "wharf/web:1.0", "default"));
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("lb-random", "wharf/web:1.0", "random"));
        var created = await Aws.EcsOkAsync("create-service", "--service-name", "default", "--task-definition", "lb-default:1",
            "--desired-count", "2", "--load-balancers", $"targetGroupArn={defaultTg},containerName=web,containerPort=80");
        var lb = created["service"]!["loadBalancers"]![0]!;
        Assert.Equal((defaultTg, "web", 80), (Text(lb["targetGroupArn"]), Text(lb["containerName"]), lb["containerPort"]!.GetValue<int>()));
        await Aws.EcsOkAsync("create-service", "--service-name", "random", "--task-definition", "lb-random:1",
            "--desired-count", "4", "--load-balancers", $"targetGroupArn={randomTg},containerName=web,containerPort=80");

        // Every task's host port is a healthy target of its service's group.
        await AllTargetsHealthyAsync("default", defaultTg, 2);
        var randomTasks = await AllTargetsHealthyAsync("random", randomTg, 4);

        var root = await Curl.GetAsync($"http://127.0.0.1:{port}/");
        Assert.Equal(200, root.Status);
        Assert.Contains("SERVICE_NAME=default", root.Body, StringComparison.Ordinal);
        var random = await Curl.GetAsync($"http://127.0.0.1:{port}/random/42");
        Assert.Equal(200, random.Status);
        Assert.Contains("SERVICE_NAME=random", random.Body, StringComparison.Ordinal);

        // A failing health path: the target turns unhealthy, ECS stops the task with the ELB reason and replaces it.
        var sick = randomTasks[0]!;
        var sickArn = EcsTasks.Str(sick, "taskArn")!;
        await DockerCli.OkAsync("exec", EcsTasks.Str(sick["containers"]![0], "runtimeId")!, "touch", "/tmp/unhealthy");
        var stopped = await Poll.UntilAsync("the unhealthy task to be stopped by the service",
            async () => (await EcsTasks.DescribeAsync(Aws, "default", [sickArn]))[0]!,
            t => EcsTasks.Str(t, "desiredStatus") == "STOPPED", Healthy, t => t.ToJsonString());
        Assert.Equal("ServiceSchedulerInitiated", EcsTasks.Str(stopped, "stopCode"));
        Assert.Equal($"Task failed ELB health checks in (target-group {randomTg})", EcsTasks.Str(stopped, "stoppedReason"));
        var events = (await Aws.EcsOkAsync("describe-services", "--services", "random"))["services"]![0]!["events"]!.AsArray()
            .Select(e => Text(e!["message"])).ToList();
        Assert.Contains(events, e => e.StartsWith("(service random) (instance i-", StringComparison.Ordinal)
            && e.Contains($"is unhealthy in (target-group {randomTg}) due to (reason Health checks failed with these codes: [500]).", StringComparison.Ordinal));
        var healed = await AllTargetsHealthyAsync("random", randomTg, 4);
        Assert.DoesNotContain(healed, t => EcsTasks.Str(t, "taskArn") == sickArn);

        // A rolling update under continuous requests through the balancer: none fails.
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("lb-default", "wharf/web:2.0", "default"));
        var oldTasks = (await ServiceTasksAsync("default")).Select(t => EcsTasks.Str(t, "taskArn")!).ToHashSet();
        using var stop = new CancellationTokenSource();
        var load = LoadAsync($"http://127.0.0.1:{port}/", stop.Token);
        var drainedWhileRunning = false;
        try
        {
            await Aws.EcsOkAsync("update-service", "--service", "default", "--task-definition", "lb-default:2",
                "--deployment-configuration", "minimumHealthyPercent=100,maximumPercent=200");
            await Poll.UntilAsync("the rollout to finish with old targets drained",
                async () =>
                {
                    drainedWhileRunning |= await OldTargetDrainingWhileRunningAsync(defaultTg, oldTasks);
                    var tasks = await ServiceTasksAsync("default");
                    var health = await TargetHealthAsync(defaultTg);
                    return tasks.Count == 2 && tasks.All(t => EcsTasks.Str(t, "taskDefinitionArn")!.EndsWith("lb-default:2", StringComparison.Ordinal))
                        && health.Count == 2 && health.All(h => Text(h["TargetHealth"]!["State"]) == "healthy");
                },
                done => done, Healthy);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var (ok, failures) = await load;
        Output.WriteLine($"{ok} requests succeeded during the rollout");
        Assert.True(ok > 0, "no request was made during the rollout");
        Assert.Empty(failures);
        Assert.True(drainedWhileRunning, "no old target was seen draining while its container still ran");
        Assert.Contains("IMAGE_VERSION=2.0", (await Curl.GetAsync($"http://127.0.0.1:{port}/")).Body, StringComparison.Ordinal);
    });

    /// <summary>Requests in a loop until cancelled: (successes, failure descriptions).</summary>
    private static async Task<(int Ok, List<string> Failures)> LoadAsync(string url, CancellationToken cancellationToken)
    {
        var ok = 0;
        var failures = new List<string>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var reply = await Curl.GetAsync(url, TimeSpan.FromSeconds(30));
            if (reply.Status == 200 && reply.Body.Contains("SERVICE_NAME=default", StringComparison.Ordinal))
            {
                ok++;
            }
            else
            {
                failures.Add($"{reply.Status} {reply.Body}");
            }
        }

        return (ok, failures);
    }

    /// <summary>True when a target of an old task is draining while that task's container is still running.</summary>
    private async Task<bool> OldTargetDrainingWhileRunningAsync(string targetGroupArn, HashSet<string> oldTasks)
    {
        var draining = (await TargetHealthAsync(targetGroupArn))
            .Where(h => Text(h["TargetHealth"]!["State"]) == "draining")
            .Select(h => h["Target"]!["Port"]!.GetValue<int>())
            .ToHashSet();
        if (draining.Count == 0)
        {
            return false;
        }

        foreach (var task in await EcsTasks.DescribeAsync(Aws, "default", oldTasks))
        {
            if (draining.Contains(EcsTasks.HostPort(task!, 80)))
            {
                var inspect = await DockerCli.InspectAsync(EcsTasks.Str(task!["containers"]![0], "runtimeId")!);
                if (inspect?["State"]?["Running"]?.GetValue<bool>() == true)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Waits until the service has <paramref name="count"/> RUNNING tasks whose host ports are exactly the group's healthy targets.</summary>
    private async Task<JsonArray> AllTargetsHealthyAsync(string service, string targetGroupArn, int count)
    {
        JsonArray tasks = [];
        await Poll.UntilAsync($"{count} tasks of {service} healthy in their target group",
            async () =>
            {
                tasks = await ServiceTasksAsync(service);
                var health = await TargetHealthAsync(targetGroupArn);
                var healthy = health.Where(h => Text(h["TargetHealth"]!["State"]) == "healthy").Select(h => h["Target"]!["Port"]!.GetValue<int>()).Order().ToList();
                var ports = tasks.Where(t => EcsTasks.Str(t, "lastStatus") == "RUNNING").Select(t => EcsTasks.HostPort(t!, 80)).Order().ToList();
                return (ports, healthy, all: health.Count);
            },
            r => r.ports.Count == count && r.healthy.SequenceEqual(r.ports) && r.all == count,
            Healthy,
            r => $"task ports [{string.Join(',', r.ports)}], healthy targets [{string.Join(',', r.healthy)}], {r.all} targets");
        return tasks;
    }

    private async Task<JsonArray> ServiceTasksAsync(string service)
    {
        var arns = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", service, "--desired-status", "RUNNING"));
        return arns.Count == 0 ? [] : await EcsTasks.DescribeAsync(Aws, "default", arns);
    }

    private async Task<List<JsonNode>> TargetHealthAsync(string targetGroupArn) =>
        [.. (await ElbAsync("describe-target-health", "--target-group-arn", targetGroupArn))["TargetHealthDescriptions"]!.AsArray().Select(n => n!)];

    private async Task<string> TargetGroupAsync(string name, int deregistrationDelaySeconds = 5)
    {
        var arn = Text((await ElbAsync("create-target-group", "--name", name, "--protocol", "HTTP", "--port", "80", "--target-type", "instance",
            "--health-check-path", "/health", "--health-check-port", "traffic-port", "--health-check-interval-seconds", "5",
            "--health-check-timeout-seconds", "2", "--healthy-threshold-count", "2", "--unhealthy-threshold-count", "2",
            "--matcher", "HttpCode=200"))["TargetGroups"]![0]!["TargetGroupArn"]);
        await ElbAsync("modify-target-group-attributes", "--target-group-arn", arn, "--attributes", $"Key=deregistration_delay.timeout_seconds,Value={Str(deregistrationDelaySeconds)}");
        return arn;
    }

    private async Task<JsonNode> ElbAsync(params string[] args) => (await Aws.RunAsync(["elbv2", .. args])).EnsureSuccess();

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
