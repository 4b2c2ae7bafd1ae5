using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Terraform.Coverage;

/// <summary>What the applied stack did in Wharf, and that its destroy left nothing behind.</summary>
public sealed partial class TerraformCoverageTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(120);

    private async Task AssertAppliedAsync(string name, int listenerPort, string applyOutput)
    {
        // The data sources were read: their values reach the outputs.
        var account = Text((await RunOkAsync("sts", "get-caller-identity"))["Account"]);
        Assert.Contains($"account_id = \"{account}\"", applyOutput, StringComparison.Ordinal);
        Assert.Contains("vpc_cidr = \"172.31.0.0/16\"", applyOutput, StringComparison.Ordinal);
        Assert.Contains("cluster_status = \"ACTIVE\"", applyOutput, StringComparison.Ordinal);
        Assert.Contains("service_desired_count = 1", applyOutput, StringComparison.Ordinal);
        Assert.Contains("task_definition_revision = 1", applyOutput, StringComparison.Ordinal);
        Assert.Contains("web_image = \"wharf/web:1.0\"", applyOutput, StringComparison.Ordinal);
        Assert.Contains($"\"com.example.stack\" = \"{name}\"", applyOutput, StringComparison.Ordinal);
        Assert.Contains("target_group_port = 80", applyOutput, StringComparison.Ordinal);
        Assert.Contains($"listener_port = {listenerPort}", applyOutput, StringComparison.Ordinal);
        Assert.Matches("subnet_cidr = \"172\\.31\\.", applyOutput);

        await AssertServiceAsync(name);
        await AssertTrafficAsync(listenerPort);
        await AssertNetworkAndSecretsAsync(name, listenerPort);
        await AssertFargateAsync(name, spotWeight: 1);

        var extra = (await wharf.Aws.EcsOkAsync("describe-clusters", "--clusters", $"{name}-extra"))["clusters"]![0]!;
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], extra["capacityProviders"]!.AsArray().Select(Text).Order(StringComparer.Ordinal));
        Assert.Equal("FARGATE", Text(extra["defaultCapacityProviderStrategy"]![0]!["capacityProvider"]));
        Assert.Contains(await DefaultClusterTagsAsync(), t => Text(t!["key"]) == $"{name}-owner" && Text(t["value"]) == name);

        var green = (await RunOkAsync("elbv2", "describe-target-groups", "--names", $"{name}-green"))["TargetGroups"]![0]!;
        var targets = (await RunOkAsync("elbv2", "describe-target-health", "--target-group-arn", Text(green["TargetGroupArn"])))["TargetHealthDescriptions"]!.AsArray();
        var target = Assert.Single(targets)!["Target"]!;
        Assert.Matches("^172\\.31\\.[0-9]+\\.200$", Text(target["Id"]));
        Assert.Equal(8080, (int)target["Port"]!);

        await Poll.UntilAsync("the Cloud Map instance's A record on Wharf's DNS server", () => wharf.DigAsync($"db.{name}.internal", "A", "+short"),
            r => System.Text.RegularExpressions.Regex.IsMatch(r.StdOut, "172\\.31\\.[0-9]+\\.201"), Settle, r => r.ToString());

        var policy = (await RunOkAsync("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs",
            "--policy-names", $"{name}-step-out"))["ScalingPolicies"]![0]!;
        Assert.Equal("StepScaling", Text(policy["PolicyType"]));
        var alarm = (await RunOkAsync("cloudwatch", "describe-alarms", "--alarm-names", $"{name}-cpu-high"))["MetricAlarms"]![0]!;
        Assert.Equal([Text(policy["PolicyARN"])], alarm["AlarmActions"]!.AsArray().Select(Text));
        var lone = (await RunOkAsync("cloudwatch", "describe-alarms", "--alarm-names", $"{name}-unhealthy-hosts"))["MetricAlarms"]!.AsArray();
        Assert.Empty(Assert.Single(lone)!["AlarmActions"]!.AsArray());
        var scheduled = (await RunOkAsync("application-autoscaling", "describe-scheduled-actions", "--service-namespace", "ecs",
            "--scheduled-action-names", $"{name}-nightly"))["ScheduledActions"]!.AsArray();
        Assert.Equal("cron(0 2 * * ? *)", Text(Assert.Single(scheduled)!["Schedule"]));
    }

    private async Task AssertServiceAsync(string name)
    {
        var service = await Poll.UntilAsync("the service's task to run", async () =>
                (await wharf.Aws.EcsOkAsync("describe-services", "--cluster", "default", "--services", $"{name}-app"))["services"]![0]!,
            s => (int)s["runningCount"]! == 1, Settle, s => s.ToJsonString());
        Assert.Equal("SERVICE", Text(service["propagateTags"]));
        Assert.True((bool)service["enableECSManagedTags"]!);
        Assert.Equal(15, (int)service["healthCheckGracePeriodSeconds"]!);
        Assert.True((bool)service["deploymentConfiguration"]!["deploymentCircuitBreaker"]!["rollback"]!);
        Assert.Equal(["spread", "binpack"], service["placementStrategy"]!.AsArray().Select(s => Text(s!["type"])));
        Assert.Equal("memberOf", Text(service["placementConstraints"]![0]!["type"]));

        var taskArn = Text((await wharf.Aws.EcsOkAsync("list-tasks", "--cluster", "default", "--service-name", $"{name}-app"))["taskArns"]![0]);
        var task = (await wharf.Aws.EcsOkAsync("describe-tasks", "--cluster", "default", "--tasks", taskArn, "--include", "TAGS"))["tasks"]![0]!;
        var tags = task["tags"]!.AsArray().ToDictionary(t => Text(t!["key"]), t => Text(t!["value"]), StringComparer.Ordinal);
        Assert.Equal(name, tags["stack"]);
        Assert.Equal($"{name}-app", tags["aws:ecs:serviceName"]);

        // The container fields reach Docker.
        var inspected = new List<JsonNode>();
        foreach (var container in await wharf.OwnContainersAsync())
        {
            if (await DockerCli.InspectAsync(container.Id) is { } node && container.TaskArn == taskArn)
            {
                inspected.Add(node);
            }
        }

        var web = Assert.Single(inspected, c => Text(c["Config"]?["Labels"]?["com.example.role"]) == "web");
        Assert.Equal(name, Text(web["Config"]!["Labels"]!["com.example.stack"]));
        var nofile = web["HostConfig"]!["Ulimits"]!.AsArray().Single(u => Text(u!["Name"]) == "nofile")!;
        Assert.Equal([1024, 2048], new[] { (int)nofile["Soft"]!, (int)nofile["Hard"]! });
        Assert.Contains(web["Mounts"]!.AsArray(), m => Text(m!["Destination"]) == "/cache");
    }

    /// <summary>
    /// The Fargate service on the extra cluster, which has no container instance: its tasks come
    /// from its capacity provider strategy (each names its provider, FARGATE's base of 1 first),
    /// and the service shows the strategy instead of a launch type.
    /// </summary>
    private async Task AssertFargateAsync(string name, int spotWeight)
    {
        var cluster = $"{name}-extra";
        var service = await Poll.UntilAsync("the Fargate service's two tasks to run", async () =>
                (await wharf.Aws.EcsOkAsync("describe-services", "--cluster", cluster, "--services", $"{name}-fargate"))["services"]![0]!,
            s => (int)s["runningCount"]! == 2 && s["deployments"]!.AsArray().Count == 1, Settle, s => s.ToJsonString());
        Assert.Null(service["launchType"]);
        Assert.Equal(["FARGATE 1 1", $"FARGATE_SPOT 0 {spotWeight}"], service["capacityProviderStrategy"]!.AsArray()
            .Select(s => $"{Text(s!["capacityProvider"])} {(int?)s["base"] ?? 0} {(int)s["weight"]!}").Order(StringComparer.Ordinal));
        Assert.Equal("ENABLED", Text(service["networkConfiguration"]!["awsvpcConfiguration"]!["assignPublicIp"]));

        var arns = Arns(await wharf.Aws.EcsOkAsync("list-tasks", "--cluster", cluster, "--service-name", $"{name}-fargate", "--desired-status", "RUNNING"));
        var tasks = (await wharf.Aws.EcsOkAsync(["describe-tasks", "--cluster", cluster, "--tasks", .. arns]))["tasks"]!.AsArray();
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t =>
        {
            Assert.Equal("RUNNING", Text(t!["lastStatus"]));
            Assert.Equal("FARGATE", Text(t["launchType"]));
            Assert.Null(t["containerInstanceArn"]);
            Assert.Contains(Text(t["capacityProviderName"]), (string[])["FARGATE", "FARGATE_SPOT"]);
        });
        Assert.Contains(tasks, t => Text(t!["capacityProviderName"]) == "FARGATE");
        Assert.Empty((await wharf.Aws.EcsOkAsync("list-container-instances", "--cluster", cluster))["containerInstanceArns"]!.AsArray());
    }

    private static async Task AssertTrafficAsync(int listenerPort)
    {
        var url = $"http://127.0.0.1:{listenerPort}";
        var weighted = await Poll.UntilAsync("the weighted rule to reach the service's healthy target",
            () => CurlAsync("-H", "Host: app.example.com", $"{url}/app/1"), r => r.Status == 200 && r.Body.Contains("SERVICE=app", StringComparison.Ordinal),
            Settle, r => r.ToString());
        Assert.Contains("STACK=tc", weighted.Body, StringComparison.Ordinal);

        var redirect = await CurlAsync("-H", "X-Old-Client: yes", $"{url}/old?legacy=1&old");
        Assert.Equal(301, redirect.Status);
        Assert.StartsWith("https://new.example.com", redirect.Location, StringComparison.Ordinal);
        Assert.Contains("from=old", redirect.Location, StringComparison.Ordinal);
        Assert.Equal(new CurlReply(409, "clash", ""), await CurlAsync($"{url}/clash"));
        Assert.Equal(new CurlReply(200, "{\"ok\":true}", ""), await CurlAsync($"{url}/other"));
        Assert.Equal(new CurlReply(404, "no route", ""), await CurlAsync("-X", "POST", $"{url}/other"));
    }

    /// <summary>curl with extra arguments (headers, method); status 0 when nothing answered.</summary>
    private static async Task<CurlReply> CurlAsync(params string[] args)
    {
        const string Marker = "\n@@curl@@";
        var result = await ProcessRunner.RunAsync("curl", ["-s", "--max-time", "5", "-o", "-", "-w", Marker + "%{http_code} %{redirect_url}", .. args],
            timeout: TimeSpan.FromSeconds(20));
        var split = result.StdOut.LastIndexOf(Marker, StringComparison.Ordinal);
        if (split < 0)
        {
            return new CurlReply(0, result.StdOut, "");
        }

        var tail = result.StdOut[(split + Marker.Length)..].TrimEnd().Split(' ', 2);
        return new CurlReply(int.TryParse(tail[0], CultureInfo.InvariantCulture, out var status) ? status : 0,
            result.StdOut[..split], tail.Length > 1 ? tail[1] : "");
    }

    private sealed record CurlReply(int Status, string Body, string Location);

    private async Task<JsonArray> DefaultClusterTagsAsync()
    {
        var cluster = Text((await wharf.Aws.EcsOkAsync("describe-clusters", "--clusters", "default"))["clusters"]![0]!["clusterArn"]);
        return (await wharf.Aws.EcsOkAsync("list-tags-for-resource", "--resource-arn", cluster))["tags"]!.AsArray();
    }

    private async Task AssertNothingLeftAsync(string name, int listenerPort)
    {
        Assert.Empty((await RunOkAsync("elbv2", "describe-load-balancers"))["LoadBalancers"]!.AsArray());
        Assert.Empty((await RunOkAsync("elbv2", "describe-target-groups"))["TargetGroups"]!.AsArray());
        Assert.Empty((await RunOkAsync("servicediscovery", "list-namespaces"))["Namespaces"]!.AsArray());
        Assert.Empty((await RunOkAsync("cloudwatch", "describe-alarms", "--alarm-name-prefix", name))["MetricAlarms"]!.AsArray());
        Assert.Empty((await RunOkAsync("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs"))["ScalableTargets"]!.AsArray());
        Assert.Empty((await RunOkAsync("application-autoscaling", "describe-scheduled-actions", "--service-namespace", "ecs"))["ScheduledActions"]!.AsArray());
        Assert.Empty((await RunOkAsync("logs", "describe-log-groups", "--log-group-name-prefix", $"/ecs/{name}"))["logGroups"]!.AsArray());
        Assert.DoesNotContain(await DefaultClusterTagsAsync(), t => Text(t!["key"]) == $"{name}-owner");

        var extra = (await wharf.Aws.EcsOkAsync("describe-clusters", "--clusters", $"{name}-extra"))["clusters"]!.AsArray();
        Assert.All(extra, c => Assert.Equal("INACTIVE", Text(c!["status"])));
        var families = await wharf.Aws.EcsOkAsync("list-task-definition-families", "--family-prefix", name, "--status", "ACTIVE");
        Assert.Empty(families["families"]!.AsArray());
        var services = (await wharf.Aws.EcsOkAsync("describe-services", "--cluster", "default", "--services", $"{name}-app"))["services"]!.AsArray();
        Assert.All(services, s => Assert.Equal("INACTIVE", Text(s!["status"])));

        await Poll.UntilAsync("the service's containers to stop", async () => (await wharf.OwnContainersAsync()).Where(c => c.State == "running").ToList(),
            running => running.Count == 0, Settle, running => string.Join(", ", running));
        await Poll.UntilAsync("the listener port to be released", () => Curl.GetAsync($"http://127.0.0.1:{listenerPort}/"),
            r => r.Status == 0, Settle, r => $"{r.Status} {r.Body}");
        await Poll.UntilAsync("the namespace's zone to leave Wharf's DNS server", () => wharf.DigAsync($"{name}.internal", "SOA", "+norecurse"),
            r => !r.StdOut.Contains("IN\tSOA", StringComparison.Ordinal) || !r.StdOut.Contains("status: NOERROR", StringComparison.Ordinal),
            Settle, r => r.ToString());
    }
}
