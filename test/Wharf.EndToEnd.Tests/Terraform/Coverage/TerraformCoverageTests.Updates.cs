using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Terraform.Coverage;

/// <summary>What generation 2's in-place update changed in Wharf, read back with the AWS CLI.</summary>
public sealed partial class TerraformCoverageTests
{
    private async Task AssertUpdatedAsync(string name, int listenerPort)
    {
        var service = await Poll.UntilAsync("the service's second task to run", async () =>
                (await wharf.Aws.EcsOkAsync("describe-services", "--cluster", "default", "--services", $"{name}-app", "--include", "TAGS"))["services"]![0]!,
            s => (int)s["runningCount"]! == 2, Settle, s => s.ToJsonString());
        Assert.Equal(2, (int)service["desiredCount"]!);
        Assert.Equal(50, (int)service["deploymentConfiguration"]!["minimumHealthyPercent"]!);
        Assert.Equal(150, (int)service["deploymentConfiguration"]!["maximumPercent"]!);
        Assert.Equal(30, (int)service["healthCheckGracePeriodSeconds"]!);
        Assert.Equal(["binpack", "spread"], service["placementStrategy"]!.AsArray().Select(s => Text(s!["type"])));
        Assert.Contains(service["tags"]!.AsArray(), t => Text(t!["key"]) == "generation" && Text(t["value"]) == "2");

        var extra = (await wharf.Aws.EcsOkAsync("describe-clusters", "--clusters", $"{name}-extra", "--include", "SETTINGS", "TAGS"))["clusters"]![0]!;
        Assert.Contains(extra["settings"]!.AsArray(), s => Text(s!["name"]) == "containerInsights" && Text(s["value"]) == "enabled");
        Assert.Contains(extra["tags"]!.AsArray(), t => Text(t!["key"]) == "generation" && Text(t["value"]) == "2");
        var strategy = extra["defaultCapacityProviderStrategy"]!.AsArray().ToDictionary(s => Text(s!["capacityProvider"]), s => s!, StringComparer.Ordinal);
        Assert.Equal((2, 60), ((int)strategy["FARGATE"]["base"]!, (int)strategy["FARGATE"]["weight"]!));
        Assert.Equal(40, (int)strategy["FARGATE_SPOT"]["weight"]!);
        Assert.Contains(await DefaultClusterTagsAsync(), t => Text(t!["key"]) == $"{name}-owner" && Text(t["value"]) == $"{name}-2");
        await AssertFargateAsync(name, spotWeight: 3);

        await AssertLoadBalancingUpdatedAsync(name, listenerPort);
        await AssertDiscoveryUpdatedAsync(name);

        var resourceId = $"service/default/{name}-app";
        var target = (await RunOkAsync("application-autoscaling", "describe-scalable-targets", "--service-namespace", "ecs",
            "--resource-ids", resourceId))["ScalableTargets"]![0]!;
        Assert.Equal((2, 4), ((int)target["MinCapacity"]!, (int)target["MaxCapacity"]!));
        var policy = (await RunOkAsync("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs",
            "--policy-names", $"{name}-step-out"))["ScalingPolicies"]![0]!["StepScalingPolicyConfiguration"]!;
        Assert.Equal(120, (int)policy["Cooldown"]!);
        Assert.Equal([2, 3], policy["StepAdjustments"]!.AsArray().Select(s => (int)s!["ScalingAdjustment"]!).Order());
        var scheduled = (await RunOkAsync("application-autoscaling", "describe-scheduled-actions", "--service-namespace", "ecs",
            "--scheduled-action-names", $"{name}-nightly"))["ScheduledActions"]![0]!;
        Assert.Equal("cron(0 3 * * ? *)", Text(scheduled["Schedule"]));
        Assert.Equal((2, 3), ((int)scheduled["ScalableTargetAction"]!["MinCapacity"]!, (int)scheduled["ScalableTargetAction"]!["MaxCapacity"]!));

        var alarm = (await RunOkAsync("cloudwatch", "describe-alarms", "--alarm-names", $"{name}-cpu-high"))["MetricAlarms"]![0]!;
        Assert.Equal((75.0, 3), ((double)alarm["Threshold"]!, (int)alarm["EvaluationPeriods"]!));
        var lone = (await RunOkAsync("cloudwatch", "describe-alarms", "--alarm-names", $"{name}-unhealthy-hosts"))["MetricAlarms"]![0]!;
        Assert.Equal(1.0, (double)lone["Threshold"]!);
        var logGroup = (await RunOkAsync("logs", "describe-log-groups", "--log-group-name-prefix", $"/ecs/{name}"))["logGroups"]![0]!;
        Assert.Equal(3, (int)logGroup["retentionInDays"]!);
    }

    private async Task AssertLoadBalancingUpdatedAsync(string name, int listenerPort)
    {
        var lb = (await RunOkAsync("elbv2", "describe-load-balancers", "--names", name))["LoadBalancers"]![0]!;
        var lbAttributes = await AttributesAsync("describe-load-balancer-attributes", "--load-balancer-arn", Text(lb["LoadBalancerArn"]));
        Assert.Equal("120", lbAttributes["idle_timeout.timeout_seconds"]);
        Assert.Equal("false", lbAttributes["deletion_protection.enabled"]);

        var blue = (await RunOkAsync("elbv2", "describe-target-groups", "--names", $"{name}-blue"))["TargetGroups"]![0]!;
        Assert.Equal((6, 3), ((int)blue["HealthCheckIntervalSeconds"]!, (int)blue["HealthyThresholdCount"]!));
        Assert.Equal("200-299", Text(blue["Matcher"]!["HttpCode"]));
        var blueAttributes = await AttributesAsync("describe-target-group-attributes", "--target-group-arn", Text(blue["TargetGroupArn"]));
        Assert.Equal("10", blueAttributes["deregistration_delay.timeout_seconds"]);
        var green = (await RunOkAsync("elbv2", "describe-target-groups", "--names", $"{name}-green"))["TargetGroups"]![0]!;
        var greenAttributes = await AttributesAsync("describe-target-group-attributes", "--target-group-arn", Text(green["TargetGroupArn"]));
        Assert.Equal(("true", "7200"), (greenAttributes["stickiness.enabled"], greenAttributes["stickiness.lb_cookie.duration_seconds"]));

        // The listener and its rules answer with the new actions and conditions.
        var url = $"http://127.0.0.1:{listenerPort}";
        await Poll.UntilAsync("the new path of the weighted rule to reach the service", () => CurlAsync("-H", "Host: app.example.com", $"{url}/v2/app/1"),
            r => r.Status == 200 && r.Body.Contains("SERVICE=app", StringComparison.Ordinal), Settle, r => r.ToString());
        var redirect = await CurlAsync("-H", "X-Old-Client: yes", $"{url}/old?legacy=1&old");
        Assert.Equal(302, redirect.Status);
        Assert.Contains("from=old2", redirect.Location, StringComparison.Ordinal);
        Assert.Equal(new CurlReply(200, "{\"ok\":2}", ""), await CurlAsync($"{url}/other"));
        Assert.Equal(new CurlReply(503, "no route (2)", ""), await CurlAsync("-X", "POST", $"{url}/other"));
    }

    private async Task AssertDiscoveryUpdatedAsync(string name)
    {
        var namespaceId = Text((await RunOkAsync("servicediscovery", "list-namespaces"))["Namespaces"]!.AsArray()
            .Single(n => Text(n!["Name"]) == $"{name}.internal")!["Id"]);
        var serviceId = Text((await RunOkAsync("servicediscovery", "list-services", "--filters",
            $"Name=NAMESPACE_ID,Values={namespaceId},Condition=EQ"))["Services"]!.AsArray().Single(s => Text(s!["Name"]) == "db")!["Id"]);
        var db = (await RunOkAsync("servicediscovery", "get-service", "--id", serviceId))["Service"]!;
        Assert.Equal("the database, generation 2", Text(db["Description"]));
        Assert.Equal(20, (int)db["DnsConfig"]!["DnsRecords"]![0]!["TTL"]!);
        var instance = (await RunOkAsync("servicediscovery", "get-instance", "--service-id", serviceId, "--instance-id", "db-1"))["Instance"]!["Attributes"]!;
        Assert.Equal(("5433", "replica"), (Text(instance["AWS_INSTANCE_PORT"]), Text(instance["role"])));
    }

    private async Task<Dictionary<string, string>> AttributesAsync(string operation, string arnOption, string arn) =>
        (await RunOkAsync("elbv2", operation, arnOption, arn))["Attributes"]!.AsArray()
            .ToDictionary(a => Text(a!["Key"]), a => Text(a!["Value"]), StringComparer.Ordinal);
}
