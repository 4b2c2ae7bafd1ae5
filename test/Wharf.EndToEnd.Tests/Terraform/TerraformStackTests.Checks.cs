using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Terraform;

/// <summary>What the stack's resources look like through the AWS CLI, the listener, DNS and Docker.</summary>
public sealed partial class TerraformStackTests
{
    private static readonly TimeSpan EffectTimeout = TimeSpan.FromSeconds(120);

    private async Task AssertAppliedAsync(string name, int listenerPort)
    {
        var cluster = (await wharf.Aws.EcsOkAsync("describe-clusters", "--clusters", name, "--include", "SETTINGS", "TAGS"))["clusters"]![0]!;
        Assert.Equal("ACTIVE", Text(cluster["status"]));
        Assert.Equal("enabled", Text(cluster["settings"]![0]!["value"]));
        Assert.Contains(cluster["tags"]!.AsArray(), t => Text(t!["key"]) == "stack" && Text(t["value"]) == name);
        Assert.Equal(1, (int)cluster["registeredContainerInstancesCount"]!);

        var families = await wharf.Aws.EcsOkAsync("list-task-definition-families", "--family-prefix", name, "--status", "ACTIVE");
        Assert.Equal([$"{name}-auth", $"{name}-random", $"{name}-redis"], families["families"]!.AsArray().Select(Text).Order(StringComparer.Ordinal));

        // wait_for_steady_state returned: the provider's waiter, like `aws ecs wait services-stable`,
        // asks for one deployment and runningCount = desiredCount. Those counts are the tasks'.
        foreach (var (service, desired) in Services)
        {
            var described = (await wharf.Aws.EcsOkAsync("describe-services", "--cluster", name, "--services", service))["services"]![0]!;
            Assert.Equal("ACTIVE", Text(described["status"]));
            Assert.Single(described["deployments"]!.AsArray());
            Assert.Equal(desired, (int)described["runningCount"]!);
            var running = await RunningTasksAsync(name, service);
            Assert.Equal(desired, running.Count);
        }

        var lb = (await ElbAsync("describe-load-balancers", "--names", name))["LoadBalancers"]![0]!;
        Assert.Equal("active", Text(lb["State"]!["Code"]));
        var listener = (await ElbAsync("describe-listeners", "--load-balancer-arn", Text(lb["LoadBalancerArn"])))["Listeners"]![0]!;
        Assert.Equal(listenerPort, (int)listener["Port"]!);
        var rules = (await ElbAsync("describe-rules", "--listener-arn", Text(listener["ListenerArn"])))["Rules"]!.AsArray();
        Assert.Contains(rules, r => Text(r!["Priority"]) == "10");

        // ECS calls a service behind a load balancer steady (the event, the rollout COMPLETED) once
        // its targets pass the health checks; then every task is a healthy target.
        foreach (var service in new[] { "auth", "random" })
        {
            await Poll.UntilAsync($"{service}'s deployment to complete", () => RolloutStateAsync(name, service),
                state => state == "COMPLETED", EffectTimeout);
            Assert.Equal(Services[service], await HealthyTargetsAsync($"{name}-{service}"));
        }

        await AssertTrafficAsync(listenerPort, "1.0");

        var namespaces = (await wharf.Aws.RunAsync("servicediscovery", "list-namespaces")).EnsureSuccess()["Namespaces"]!.AsArray();
        Assert.Contains(namespaces, n => Text(n!["Name"]) == Namespace && Text(n["Type"]) == "DNS_PRIVATE");
        await Poll.UntilAsync($"redis.{Namespace} to resolve on Wharf's DNS server", () => wharf.DigAsync($"redis.{Namespace}", "A", "+norecurse"),
            r => r.StdOut.Contains("status: NOERROR", StringComparison.Ordinal) && r.StdOut.Contains("ANSWER: 1,", StringComparison.Ordinal),
            EffectTimeout, r => r.ToString());

        var targets = (await wharf.Aws.RunAsync("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs",
            "--resource-ids", $"service/{name}/random")).EnsureSuccess()["ScalableTargets"]!.AsArray();
        Assert.Equal((1, 6), ((int)targets.Single()!["MinCapacity"]!, (int)targets.Single()!["MaxCapacity"]!));
        var policies = (await wharf.Aws.RunAsync("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs",
            "--resource-id", $"service/{name}/random")).EnsureSuccess()["ScalingPolicies"]!.AsArray();
        Assert.Equal("TargetTrackingScaling", Text(policies.Single()!["PolicyType"]));
        Assert.Equal(2, policies.Single()!["Alarms"]!.AsArray().Count);
        var alarms = (await wharf.Aws.RunAsync("cloudwatch", "describe-alarms", "--alarm-name-prefix", $"TargetTracking-service/{name}/random-"))
            .EnsureSuccess()["MetricAlarms"]!.AsArray();
        Assert.Equal(2, alarms.Count);

        var groups = (await wharf.Aws.RunAsync("logs", "describe-log-groups", "--log-group-name-prefix", $"/ecs/{name}"))
            .EnsureSuccess()["logGroups"]!.AsArray();
        Assert.Equal(7, (int)groups.Single()!["retentionInDays"]!);
    }

    /// <summary>After the roll: every service runs its desired count on the new revision, in containers of the new image.</summary>
    private async Task AssertRolledAsync(string name, int listenerPort)
    {
        foreach (var (service, desired) in Services)
        {
            var described = (await wharf.Aws.EcsOkAsync("describe-services", "--cluster", name, "--services", service))["services"]![0]!;
            Assert.EndsWith($"/{name}-{service}:2", Text(described["taskDefinition"]), StringComparison.Ordinal);
            var running = await RunningTasksAsync(name, service);
            Assert.Equal(desired, running.Count);
            Assert.All(running, t => Assert.EndsWith($"/{name}-{service}:2", EcsTasks.Str(t, "taskDefinitionArn"), StringComparison.Ordinal));
            Assert.All(running, t => Assert.Equal(RolledImage, EcsTasks.Str(t!["containers"]![0], "image")));
        }

        // The old tasks' containers stop after their targets drain (deregistration delay 5 s).
        var stack = await Poll.UntilAsync("only the new tasks' containers to run",
            async () => (await wharf.OwnContainersAsync()).Where(c => c.TaskArn.Contains($":task/{name}/", StringComparison.Ordinal) && c.State == "running").ToList(),
            running => running.Count == Services.Values.Sum(), EffectTimeout, running => string.Join('\n', running));
        foreach (var container in stack)
        {
            Assert.Equal(RolledImage, Text((await DockerCli.InspectAsync(container.Id))?["Config"]?["Image"]));
        }

        await AssertTrafficAsync(listenerPort, "2.0");
    }

    /// <summary>curl through the listener reaches auth by default and random on /random*, on image version <paramref name="version"/>.</summary>
    private static async Task AssertTrafficAsync(int listenerPort, string version)
    {
        foreach (var (path, service) in new[] { ("/", "auth"), ("/random/1", "random") })
        {
            await Poll.UntilAsync($"{path} through the listener to reach {service} {version}", () => WebPage.GetAsync(listenerPort, path),
                p => p.Status == 200 && p.Environment.GetValueOrDefault("SERVICE") == service && p.Environment.GetValueOrDefault("IMAGE_VERSION") == version,
                EffectTimeout, p => $"{p.Status} {p.Body}");
        }
    }

    private async Task AssertNothingLeftAsync(string name, int listenerPort)
    {
        var cluster = (await wharf.Aws.EcsOkAsync("describe-clusters", "--clusters", name))["clusters"]!.AsArray();
        Assert.All(cluster, c => Assert.Equal("INACTIVE", Text(c!["status"])));
        var families = await wharf.Aws.EcsOkAsync("list-task-definition-families", "--family-prefix", name, "--status", "ACTIVE");
        Assert.Empty(families["families"]!.AsArray());
        Assert.Empty((await ElbAsync("describe-load-balancers"))["LoadBalancers"]!.AsArray());
        Assert.Empty((await ElbAsync("describe-target-groups"))["TargetGroups"]!.AsArray());
        var namespaces = (await wharf.Aws.RunAsync("servicediscovery", "list-namespaces")).EnsureSuccess()["Namespaces"]!.AsArray();
        Assert.Empty(namespaces);
        Assert.Empty((await wharf.Aws.RunAsync("logs", "describe-log-groups")).EnsureSuccess()["logGroups"]!.AsArray());
        Assert.Empty((await wharf.Aws.RunAsync("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs"))
            .EnsureSuccess()["ScalableTargets"]!.AsArray());
        Assert.Empty((await wharf.Aws.RunAsync("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs"))
            .EnsureSuccess()["ScalingPolicies"]!.AsArray());
        Assert.Empty((await wharf.Aws.RunAsync("cloudwatch", "describe-alarms")).EnsureSuccess()["MetricAlarms"]!.AsArray());

        // No task container runs. Stopped ones stay in Docker until the agent's clean-up (3 h after
        // the task stopped, as ECS_ENGINE_TASK_CLEANUP_WAIT_DURATION); the fixture removes them.
        var containers = await wharf.OwnContainersAsync();
        Assert.All(containers, c => Assert.NotEqual("running", c.State));

        await Poll.UntilAsync("the listener port to be released", () => Curl.GetAsync($"http://127.0.0.1:{listenerPort}/"),
            r => r.Status == 0, EffectTimeout, r => $"{r.Status} {r.Body}");
        await Poll.UntilAsync("the namespace's zone and redis's record to leave Wharf's DNS server",
            () => wharf.DigAsync($"redis.{Namespace}", "A", "+norecurse"),
            r => r.StdOut.Contains("ANSWER: 0,", StringComparison.Ordinal) || r.StdOut.Contains("status: REFUSED", StringComparison.Ordinal),
            EffectTimeout, r => r.ToString());
        var soa = await wharf.DigAsync(Namespace, "SOA", "+norecurse");
        Assert.True(!soa.StdOut.Contains("status: NOERROR", StringComparison.Ordinal) || soa.StdOut.Contains("ANSWER: 0,", StringComparison.Ordinal),
            $"the namespace's zone should be gone from Wharf's DNS server:\n{soa}");
    }

    /// <summary>One sample of a service during a roll: tasks starting or running, RUNNING, healthy targets, and the revisions seen.</summary>
    private sealed record RollSample(int Live, int Running, int Healthy, string Revisions)
    {
        public override string ToString() => $"[live {Live}, running {Running}, healthy {Healthy}, {Revisions}]";
    }

    /// <summary>Samples <paramref name="service"/>'s tasks and target health until <paramref name="stop"/> is cancelled.</summary>
    private async Task<List<RollSample>> WatchRollAsync(string cluster, string service, CancellationToken stop)
    {
        var samples = new List<RollSample>();
        var targetGroup = await TargetGroupArnAsync($"{cluster}-{service}");
        while (!stop.IsCancellationRequested)
        {
            var arns = EcsTasks.Arns(await wharf.Aws.EcsOkAsync("list-tasks", "--cluster", cluster, "--service-name", service));
            var tasks = arns.Count == 0 ? [] : await EcsTasks.DescribeAsync(wharf.Aws, cluster, arns);
            var live = tasks.Where(t => EcsTasks.Str(t, "desiredStatus") == "RUNNING").ToList();
            samples.Add(new RollSample(
                live.Count(t => EcsTasks.Str(t, "lastStatus") is "PROVISIONING" or "PENDING" or "ACTIVATING" or "RUNNING"),
                live.Count(t => EcsTasks.Str(t, "lastStatus") == "RUNNING"),
                await HealthyTargetsOfAsync(targetGroup),
                string.Join('+', live.Select(t => EcsTasks.Str(t, "taskDefinitionArn")![^1..]).Order(StringComparer.Ordinal))));
            try
            {
                await Task.Delay(Poll.Interval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return samples;
    }

    /// <summary>Tasks of <paramref name="service"/> whose desired and last status are both RUNNING.</summary>
    private async Task<List<JsonNode>> RunningTasksAsync(string cluster, string service)
    {
        var arns = EcsTasks.Arns(await wharf.Aws.EcsOkAsync("list-tasks", "--cluster", cluster, "--service-name", service));
        var tasks = arns.Count == 0 ? [] : await EcsTasks.DescribeAsync(wharf.Aws, cluster, arns);
        return tasks.Where(t => EcsTasks.Str(t, "lastStatus") == "RUNNING" && EcsTasks.Str(t, "desiredStatus") == "RUNNING").Select(t => t!).ToList();
    }

    private async Task<string> RolloutStateAsync(string cluster, string service)
    {
        var described = (await wharf.Aws.EcsOkAsync("describe-services", "--cluster", cluster, "--services", service))["services"]![0]!;
        return Text(described["deployments"]![0]!["rolloutState"]);
    }

    /// <summary>The healthy targets of the target group named <paramref name="targetGroupName"/>.</summary>
    private async Task<int> HealthyTargetsAsync(string targetGroupName) => await HealthyTargetsOfAsync(await TargetGroupArnAsync(targetGroupName));

    private async Task<string> TargetGroupArnAsync(string targetGroupName) =>
        Text((await ElbAsync("describe-target-groups", "--names", targetGroupName))["TargetGroups"]![0]!["TargetGroupArn"]);

    private async Task<int> HealthyTargetsOfAsync(string targetGroupArn)
    {
        var health = (await ElbAsync("describe-target-health", "--target-group-arn", targetGroupArn))["TargetHealthDescriptions"]!.AsArray();
        return health.Count(h => Text(h!["TargetHealth"]!["State"]) == "healthy");
    }
}
