using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// The FARGATE launch type through the real AWS CLI, Docker and curl: a new cluster with FARGATE
/// and FARGATE_SPOT associated and no container instance runs a Fargate task (on the capacity of
/// <c>wharf up</c>'s pool agent, which no cluster lists), with its own address in the subnet, and a
/// service whose capacity provider strategy splits its tasks as ECS does (base first, then by
/// weight). Inputs ECS refuses change nothing; a stopped task or a deleted service leaves no
/// container of the cluster running.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Services")]
public sealed class FargateTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const string FargateDefinition = """
        {"family": "fg-web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
         "containerDefinitions": [{"name": "web", "image": "wharf/web:1.0", "essential": true,
           "environment": [{"name": "SERVICE_NAME", "value": "fg-web"}], "portMappings": [{"containerPort": 80}]}]}
        """;

    private const string BridgeDefinition = """
        {"family": "fg-bridge", "containerDefinitions": [{"name": "web", "image": "wharf/web:1.0", "essential": true, "memory": 32,
          "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    [Fact]
    public Task RunTask_FargateClusterWithoutInstances_RunsOnItsOwnAddress() => Scenario(async () =>
    {
        var cluster = await FargateClusterAsync("fg-run");
        var (subnets, network) = await NetworkAsync(assignPublicIp: "ENABLED");
        await RegisterFargateDefinitionAsync();
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", BridgeDefinition);

        // Refused as ECS refuses them, and nothing is started.
        var bridge = await RefusedAsync("run-task", "--cluster", cluster, "--launch-type", "FARGATE", "--task-definition", "fg-bridge:1",
            "--network-configuration", network);
        Assert.Contains("Task definition does not support launch_type FARGATE.", bridge.StdErr, StringComparison.Ordinal);
        await RefusedAsync("run-task", "--cluster", cluster, "--launch-type", "FARGATE", "--task-definition", "fg-web:1");
        await RefusedAsync("run-task", "--cluster", cluster, "--launch-type", "FARGATE", "--task-definition", "fg-web:1",
            "--network-configuration", network, "--capacity-provider-strategy", "capacityProvider=FARGATE,weight=1");
        await RefusedAsync("run-task", "--cluster", "default", "--task-definition", "fg-web:1",
            "--network-configuration", network, "--capacity-provider-strategy", "capacityProvider=FARGATE,weight=1");
        await RefusedAsync("create-service", "--cluster", "default", "--service-name", "fg-bad", "--task-definition", "fg-web:1",
            "--desired-count", "1", "--network-configuration", network, "--capacity-provider-strategy", "capacityProvider=FARGATE_SPOT,weight=1");
        foreach (var name in new[] { cluster, "default" })
        {
            Assert.Empty(EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--cluster", name)));
            Assert.Empty((await Aws.EcsOkAsync("list-services", "--cluster", name))["serviceArns"]!.AsArray());
        }

        // The task: FARGATE (where assignPublicIp ENABLED is accepted, unlike on EC2), no container
        // instance, no capacity provider (none was asked for), its own interface in one of the subnets.
        var run = await Aws.EcsOkAsync("run-task", "--cluster", cluster, "--launch-type", "FARGATE", "--task-definition", "fg-web:1",
            "--network-configuration", network);
        var arn = Assert.Single(EcsTasks.Arns(run));
        var task = (await RunningAsync(cluster, [arn]))[0]!;
        Assert.Equal("FARGATE", Text(task["launchType"]));
        Assert.Null(task["containerInstanceArn"]);
        Assert.Null(task["capacityProviderName"]);
        Assert.Equal("1.4.0", Text(task["platformVersion"]));
        Assert.Equal("Linux", Text(task["platformFamily"]));
        var address = AssertInterface(task, subnets);

        // Its containers run on the Engine, labelled with the task and its cluster, and answer on its address.
        var containers = Lines(await DockerCli.OkAsync("ps", "--no-trunc", "--format", "{{.Names}} {{.Label \"com.amazonaws.ecs.cluster\"}}",
            "--filter", $"label={DockerCli.TaskArnLabel}={arn}"));
        Assert.Equal(2, containers.Count);
        Assert.Single(containers, c => c.Contains("-internalecspause-", StringComparison.Ordinal));
        Assert.All(containers, c => Assert.EndsWith($" {cluster}", c, StringComparison.Ordinal));
        var page = await Curl.GetAsync($"http://{address}:80/");
        Assert.Equal(200, page.Status);
        Assert.Contains("SERVICE_NAME=fg-web", page.Body, StringComparison.Ordinal);

        Assert.Equal([arn], EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--cluster", cluster, "--launch-type", "FARGATE")));
        Assert.Empty(EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--cluster", cluster, "--launch-type", "EC2")));
        Assert.Empty((await Aws.EcsOkAsync("list-container-instances", "--cluster", cluster))["containerInstanceArns"]!.AsArray());

        await Aws.EcsOkAsync("stop-task", "--cluster", cluster, "--task", arn);
        await EcsTasks.WaitForStatusAsync(Aws, cluster, [arn], "STOPPED");
        await AssertNothingRunsAsync(cluster);
    });

    [Fact]
    public Task Service_FargateAndSpotStrategy_BaseFirstThenByWeight() => Scenario(async () =>
    {
        var cluster = await FargateClusterAsync("fg-svc");
        var (subnets, network) = await NetworkAsync(assignPublicIp: "DISABLED");
        await RegisterFargateDefinitionAsync();

        var created = (await Aws.EcsOkAsync("create-service", "--cluster", cluster, "--service-name", "web", "--task-definition", "fg-web:1",
            "--desired-count", "3", "--network-configuration", network,
            "--capacity-provider-strategy", "capacityProvider=FARGATE,base=1,weight=1", "capacityProvider=FARGATE_SPOT,weight=1"))["service"]!;
        Assert.Null(created["launchType"]);

        var service = await Poll.UntilAsync("the service's steady state with 3 running tasks",
            async () => (await Aws.EcsOkAsync("describe-services", "--cluster", cluster, "--services", "web"))["services"]![0]!,
            s => (int)s["runningCount"]! == 3 && s["events"]!.AsArray().Any(e => Text(e!["message"]) == "(service web) has reached a steady state."),
            Timeout * 1.5, s => s.ToJsonString());
        string[] strategy = ["FARGATE base=1 weight=1", "FARGATE_SPOT base=0 weight=1"];
        Assert.Equal(strategy, Strategy(service["capacityProviderStrategy"]));
        Assert.Null(service["launchType"]);
        Assert.Equal("LATEST", Text(service["platformVersion"]));
        Assert.Equal("Linux", Text(service["platformFamily"]));
        Assert.Equal("DISABLED", Text(service["networkConfiguration"]!["awsvpcConfiguration"]!["assignPublicIp"]));
        var primary = Assert.Single(service["deployments"]!.AsArray())!;
        Assert.Equal("PRIMARY", Text(primary["status"]));
        Assert.Equal(strategy, Strategy(primary["capacityProviderStrategy"]));

        // Base 1 on FARGATE, the other 2 by weight 1:1.
        var arns = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--cluster", cluster, "--service-name", "web"));
        var tasks = await RunningAsync(cluster, arns);
        Assert.Equal(3, tasks.Count);
        Assert.Equal(["FARGATE", "FARGATE", "FARGATE_SPOT"], tasks.Select(t => Text(t!["capacityProviderName"])).Order(StringComparer.Ordinal));
        var addresses = new List<string>();
        foreach (var task in tasks)
        {
            Assert.Equal("FARGATE", Text(task!["launchType"]));
            Assert.Null(task["containerInstanceArn"]);
            var address = AssertInterface(task, subnets);
            Assert.Equal(200, (await Curl.GetAsync($"http://{address}:80/")).Status);
            addresses.Add(address);
        }

        Assert.Equal(3, addresses.Distinct().Count());
        Assert.Equal(arns.Order(), EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--cluster", cluster, "--launch-type", "FARGATE")).Order());
        Assert.Empty((await Aws.EcsOkAsync("list-container-instances", "--cluster", cluster))["containerInstanceArns"]!.AsArray());

        await Aws.EcsOkAsync("delete-service", "--cluster", cluster, "--service", "web", "--force");
        await EcsTasks.WaitForStatusAsync(Aws, cluster, arns, "STOPPED");
        await AssertNothingRunsAsync(cluster);
    });

    [Fact]
    public Task Service_LaunchTypeFargate_BehindIpTargetGroup() => Scenario(async () =>
    {
        var cluster = await FargateClusterAsync("fg-lb");
        var (subnets, network) = await NetworkAsync(assignPublicIp: "DISABLED");
        await RegisterFargateDefinitionAsync();

        // An ip target group behind a listener, as a Fargate service needs.
        var vpc = Text((await Ec2Async("describe-vpcs"))["Vpcs"]![0]!["VpcId"]);
        var lb = Text((await ElbAsync("create-load-balancer", "--name", $"{cluster}-lb"))["LoadBalancers"]![0]!["LoadBalancerArn"]);
        var group = Text((await ElbAsync("create-target-group", "--name", $"{cluster}-ip", "--protocol", "HTTP", "--port", "80",
            "--target-type", "ip", "--vpc-id", vpc, "--health-check-path", "/health", "--health-check-interval-seconds", "5",
            "--health-check-timeout-seconds", "2", "--healthy-threshold-count", "2", "--unhealthy-threshold-count", "2"))["TargetGroups"]![0]!["TargetGroupArn"]);
        await ElbAsync("modify-target-group-attributes", "--target-group-arn", group, "--attributes", "Key=deregistration_delay.timeout_seconds,Value=5");
        var port = FreePorts.Tcp();
        var listener = Text((await ElbAsync("create-listener", "--load-balancer-arn", lb, "--protocol", "HTTP", "--port", port.ToString(CultureInfo.InvariantCulture),
            "--default-actions", $"Type=forward,TargetGroupArn={group}"))["Listeners"]![0]!["ListenerArn"]);

        var created = (await Aws.EcsOkAsync("create-service", "--cluster", cluster, "--service-name", "web", "--task-definition", "fg-web:1",
            "--desired-count", "2", "--launch-type", "FARGATE", "--platform-version", "1.4.0", "--network-configuration", network,
            "--load-balancers", $"targetGroupArn={group},containerName=web,containerPort=80"))["service"]!;
        Assert.Equal("FARGATE", Text(created["launchType"]));
        Assert.Equal("1.4.0", Text(created["platformVersion"]));
        Assert.Null(created["capacityProviderStrategy"]);

        // Each task registers its interface's address as an ip target; the listener reaches both.
        var arns = await Poll.UntilAsync("2 service tasks", async () => EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--cluster", cluster, "--service-name", "web")),
            a => a.Count == 2, Timeout, a => string.Join(", ", a));
        var addresses = (await RunningAsync(cluster, arns)).Select(t => AssertInterface(t!, subnets)).Order(StringComparer.Ordinal).ToList();
        await Poll.UntilAsync("the task addresses to be the healthy targets",
            async () => (await ElbAsync("describe-target-health", "--target-group-arn", group))["TargetHealthDescriptions"]!.AsArray()
                .Select(h => (Id: Text(h!["Target"]!["Id"]), Port: (int)h["Target"]!["Port"]!, State: Text(h["TargetHealth"]!["State"]))).ToList(),
            ts => ts.Count == 2 && ts.All(t => t.Port == 80 && t.State == "healthy") && ts.Select(t => t.Id).Order(StringComparer.Ordinal).SequenceEqual(addresses),
            Timeout, ts => string.Join(", ", ts));
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 6 && hosts.Count < 2; i++)
        {
            var page = await Curl.GetAsync($"http://127.0.0.1:{port}/");
            Assert.Equal(200, page.Status);
            hosts.Add(Lines(page.Body).Single(l => l.StartsWith("HOSTNAME=", StringComparison.Ordinal)));
        }

        Assert.Equal(2, hosts.Count);

        await Aws.EcsOkAsync("delete-service", "--cluster", cluster, "--service", "web", "--force");
        await EcsTasks.WaitForStatusAsync(Aws, cluster, arns, "STOPPED");
        await Poll.UntilAsync("no targets left", async () => (await ElbAsync("describe-target-health", "--target-group-arn", group))["TargetHealthDescriptions"]!.AsArray().Count,
            n => n == 0, Timeout, n => n.ToString(CultureInfo.InvariantCulture));
        await ElbAsync("delete-listener", "--listener-arn", listener);
        await AssertNothingRunsAsync(cluster);
    });

    /// <summary>A new cluster named after <paramref name="prefix"/> with FARGATE and FARGATE_SPOT associated, and no container instance.</summary>
    private async Task<string> FargateClusterAsync(string prefix)
    {
        var cluster = $"{prefix}-{Random.Shared.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture)}";
        await Aws.EcsOkAsync("create-cluster", "--cluster-name", cluster);
        await Aws.EcsOkAsync("put-cluster-capacity-providers", "--cluster", cluster, "--capacity-providers", "FARGATE", "FARGATE_SPOT",
            "--default-capacity-provider-strategy", "capacityProvider=FARGATE,weight=1");
        var described = (await Aws.EcsOkAsync("describe-clusters", "--clusters", cluster))["clusters"]![0]!;
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], described["capacityProviders"]!.AsArray().Select(Text).Order(StringComparer.Ordinal));
        Assert.Equal(0, (int)described["registeredContainerInstancesCount"]!);
        return cluster;
    }

    private async Task RegisterFargateDefinitionAsync()
    {
        var definition = (await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", FargateDefinition))["taskDefinition"]!;
        Assert.Equal(["FARGATE"], definition["requiresCompatibilities"]!.AsArray().Select(Text));
        Assert.Contains("FARGATE", definition["compatibilities"]!.AsArray().Select(Text));
        Assert.Equal(("256", "512"), (Text(definition["cpu"]), Text(definition["memory"])));
    }

    /// <summary>Every default subnet (id → zone and CIDR block) and the awsvpc configuration naming them all.</summary>
    private async Task<(Dictionary<string, (string Zone, string Cidr)> Subnets, string Network)> NetworkAsync(string assignPublicIp)
    {
        var subnets = (await Ec2Async("describe-subnets"))["Subnets"]!.AsArray()
            .ToDictionary(s => Text(s!["SubnetId"]), s => (Zone: Text(s!["AvailabilityZone"]), Cidr: Text(s["CidrBlock"])), StringComparer.Ordinal);
        var group = Text((await Ec2Async("describe-security-groups"))["SecurityGroups"]![0]!["GroupId"]);
        return (subnets, $"awsvpcConfiguration={{subnets=[{string.Join(',', subnets.Keys)}],securityGroups=[{group}],assignPublicIp={assignPublicIp}}}");
    }

    /// <summary>
    /// Checks the task's ElasticNetworkInterface attachment (in one of <paramref name="subnets"/>, the
    /// task in that subnet's zone, its containers on its address); returns the address.
    /// </summary>
    private static string AssertInterface(JsonNode task, Dictionary<string, (string Zone, string Cidr)> subnets)
    {
        var eni = task["attachments"]!.AsArray().Single(a => Text(a!["type"]) == "ElasticNetworkInterface")!;
        Assert.Equal("ATTACHED", Text(eni["status"]));
        var details = eni["details"]!.AsArray().ToDictionary(d => Text(d!["name"]), d => Text(d!["value"]), StringComparer.Ordinal);
        var subnet = subnets[details["subnetId"]];
        Assert.Equal(subnet.Zone, Text(task["availabilityZone"]));
        var address = details["privateIPv4Address"];
        Assert.True(InCidr(address, subnet.Cidr), $"{address} is not in {subnet.Cidr}");
        Assert.All(task["containers"]!.AsArray(), c => Assert.Equal(address, Text(c!["networkInterfaces"]![0]!["privateIpv4Address"])));
        return address;
    }

    private async Task<JsonArray> RunningAsync(string cluster, IReadOnlyCollection<string> arns) =>
        await Poll.UntilAsync($"tasks {string.Join(", ", arns.Select(EcsTasks.Id))} RUNNING with their interfaces attached",
            () => EcsTasks.DescribeAsync(Aws, cluster, arns),
            ts => ts.Count == arns.Count && ts.All(t => Text(t!["lastStatus"]) == "RUNNING"
                && t["attachments"]?.AsArray().Any(a => Text(a!["type"]) == "ElasticNetworkInterface" && Text(a["status"]) == "ATTACHED") == true),
            Timeout, ts => ts.ToJsonString());

    /// <summary>Waits until no container labelled with <paramref name="cluster"/> runs (stopped ones stay for the agent's clean-up delay).</summary>
    private static async Task AssertNothingRunsAsync(string cluster) =>
        await Poll.UntilAsync($"no container of cluster {cluster} running",
            () => DockerCli.OkAsync("ps", "-q", "--filter", $"label=com.amazonaws.ecs.cluster={cluster}"),
            ids => ids.Trim().Length == 0, Timeout, ids => ids);

    private async Task<AwsResult> RefusedAsync(params string[] args)
    {
        var result = await Aws.EcsAsync(args);
        Assert.False(result.Succeeded, result.ToString());
        Assert.Equal("InvalidParameterException", result.ErrorCode);
        return result;
    }

    private static string[] Strategy(JsonNode? items) =>
        [.. (items?.AsArray() ?? []).Select(s => $"{Text(s!["capacityProvider"])} base={(int?)s["base"] ?? 0} weight={(int)s["weight"]!}")
            .Order(StringComparer.Ordinal)];

    private async Task<JsonNode> Ec2Async(params string[] args) => (await Aws.RunAsync(["ec2", .. args])).EnsureSuccess();

    private async Task<JsonNode> ElbAsync(params string[] args) => (await Aws.RunAsync(["elbv2", .. args])).EnsureSuccess();

    private static bool InCidr(string address, string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var bits = int.Parse(cidr[(slash + 1)..], CultureInfo.InvariantCulture);
        var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        return (ToUInt(address) & mask) == (ToUInt(cidr[..slash]) & mask);
    }

    private static uint ToUInt(string address)
    {
        var bytes = System.Net.IPAddress.Parse(address).GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
