using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Discovery;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.ServiceAttachments;

/// <summary>
/// A service of <c>awsvpc</c> tasks on the EC2 launch type, through the real AWS CLI, curl, dig
/// and Docker: each task has its own elastic network interface in the default subnet (a pause
/// container holding an address every container of the task shares), shown in DescribeTasks and
/// DescribeNetworkInterfaces; the service registers the addresses as <c>ip</c> targets and as
/// Cloud Map A records; bad network configurations are refused as ECS refuses them; a stopped
/// task leaves no container running, pause container included.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "ServiceAttachments")]
public sealed class AwsvpcServiceTests(DiscoveryFixture wharf, ITestOutputHelper output) : IClassFixture<DiscoveryFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    private AwsCli Aws => wharf.Aws;

    private const string Definition = """
        {"family": "vpc-web", "networkMode": "awsvpc", "requiresCompatibilities": ["EC2"], "containerDefinitions": [
          {"name": "web", "image": "wharf/web:1.0", "essential": true, "memory": 32, "environment": [{"name": "SERVICE_NAME", "value": "vpc-web"}],
           "portMappings": [{"containerPort": 80}]},
          {"name": "sidecar", "image": "wharf/busybox:1.0", "essential": true, "memory": 16, "command": ["sh", "-c", "trap 'exit 0' TERM; sleep 100000 & wait"]}]}
        """;

    [Fact]
    public Task AwsvpcService_OwnAddress_IpTargets_ARecords_NoLeftovers() => Scenario(async () =>
    {
        var subnet = (await Ec2Async("describe-subnets"))["Subnets"]![0]!;
        var subnetId = Text(subnet["SubnetId"]);
        var cidr = Text(subnet["CidrBlock"]);
        var group = Text((await Ec2Async("describe-security-groups"))["SecurityGroups"]![0]!["GroupId"]);
        var network = $"awsvpcConfiguration={{subnets=[{subnetId}],securityGroups=[{group}],assignPublicIp=DISABLED}}";

        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition);

        // Bad network configurations change nothing.
        await RefusedAsync("InvalidParameterException", "run-task", "--task-definition", "vpc-web:1");
        await RefusedAsync("InvalidParameterException", "run-task", "--task-definition", "vpc-web:1", "--network-configuration",
            $"awsvpcConfiguration={{subnets=[{subnetId}],assignPublicIp=ENABLED}}");
        await RefusedAsync("InvalidParameterException", "run-task", "--task-definition", "vpc-web:1", "--network-configuration",
            "awsvpcConfiguration={subnets=[subnet-0000000000000dead]}");
        var instanceGroup = await TargetGroupAsync("vpc-instance", "instance");
        await RefusedAsync("InvalidParameterException", "create-service", "--service-name", "vpc-bad", "--task-definition", "vpc-web:1",
            "--desired-count", "1", "--network-configuration", network,
            "--load-balancers", $"targetGroupArn={instanceGroup},containerName=web,containerPort=80");
        Assert.Empty(EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks")));
        Assert.Empty((await Aws.EcsOkAsync("list-services"))["serviceArns"]!.AsArray());

        // The service: an ip target group behind a listener, and a Cloud Map A record.
        var lbArn = Text((await ElbAsync("create-load-balancer", "--name", "vpc"))["LoadBalancers"]![0]!["LoadBalancerArn"]);
        var ipGroup = await TargetGroupAsync("vpc-ip", "ip");
        var port = FreePorts.Tcp();
        await ElbAsync("create-listener", "--load-balancer-arn", lbArn, "--protocol", "HTTP", "--port", Str(port),
            "--default-actions", $"Type=forward,TargetGroupArn={ipGroup}");
        var nsId = await DiscoveryCli.CreatePrivateNamespaceAsync(Aws, "vpc.local");
        var registry = (await DiscoveryCli.OkAsync(Aws, "create-service", "--name", "web", "--namespace-id", nsId,
            "--dns-config", "RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=30}]", "--health-check-custom-config", "FailureThreshold=1"))["Service"]!;

        var created = (await Aws.EcsOkAsync("create-service", "--service-name", "vpc-web", "--task-definition", "vpc-web:1", "--desired-count", "2",
            "--network-configuration", network,
            "--load-balancers", $"targetGroupArn={ipGroup},containerName=web,containerPort=80",
            "--service-registries", $"registryArn={Text(registry["Arn"])}"))["service"]!;
        var echoed = created["networkConfiguration"]!["awsvpcConfiguration"]!;
        Assert.Equal([subnetId], echoed["subnets"]!.AsArray().Select(Text));
        Assert.Equal([group], echoed["securityGroups"]!.AsArray().Select(Text));
        Assert.Equal("DISABLED", Text(echoed["assignPublicIp"]));

        // Each task: one ENI attachment in the subnet; both containers answer on its address.
        var tasks = await Poll.UntilAsync("2 RUNNING tasks with their interfaces attached",
            async () => await ServiceTasksAsync("vpc-web"),
            ts => ts.Count == 2 && ts.All(t => EcsTasks.Str(t, "lastStatus") == "RUNNING" && Eni(t!)?["status"]?.GetValue<string>() == "ATTACHED"),
            Timeout, ts => ts.ToJsonString());
        var addresses = new List<string>();
        foreach (var task in tasks)
        {
            var eni = Eni(task!)!;
            Assert.Equal("ElasticNetworkInterface", Text(eni["type"]));
            var details = eni["details"]!.AsArray().ToDictionary(d => Text(d!["name"]), d => Text(d!["value"]));
            Assert.Equal(subnetId, details["subnetId"]);
            Assert.StartsWith("eni-", details["networkInterfaceId"], StringComparison.Ordinal);
            Assert.Matches("^([0-9a-f]{2}:){5}[0-9a-f]{2}$", details["macAddress"]);
            var address = details["privateIPv4Address"];
            Assert.True(InCidr(address, cidr), $"{address} is not in {cidr}");
            addresses.Add(address);
            foreach (var container in task!["containers"]!.AsArray())
            {
                Assert.Equal(address, Text(container!["networkInterfaces"]![0]!["privateIpv4Address"]));
                Assert.Equal(Text(eni["id"]), Text(container["networkInterfaces"]![0]!["attachmentId"]));
                Assert.Empty(container["networkBindings"]?.AsArray() ?? []);
            }

            // A pause container holds the namespace the task's containers join.
            var running = Lines(await DockerCli.OkAsync("ps", "--no-trunc", "--format", "{{.ID}} {{.Names}}",
                "--filter", $"label=com.amazonaws.ecs.task-arn={EcsTasks.Str(task, "taskArn")}"));
            var pause = Assert.Single(running, l => l.Contains("-internalecspause-", StringComparison.Ordinal)).Split(' ')[0];
            Assert.Equal(3, running.Count);
            var web = task["containers"]!.AsArray().Single(c => Text(c!["name"]) == "web")!;
            Assert.Equal($"container:{pause}", Text((await DockerCli.InspectAsync(Text(web["runtimeId"])))!["HostConfig"]!["NetworkMode"]));

            // The sidecar reaches the web container over the loopback of their shared namespace.
            var sidecar = task["containers"]!.AsArray().Single(c => Text(c!["name"]) == "sidecar")!;
            var page = await DockerCli.OkAsync("exec", Text(sidecar["runtimeId"]), "sh", "-c", "timeout 10 wget -q -O- http://127.0.0.1/");
            Assert.Contains("SERVICE_NAME=vpc-web", page, StringComparison.Ordinal);
            var direct = await Curl.GetAsync($"http://{address}/");
            Assert.Equal(200, direct.Status);
        }

        Assert.Equal(2, addresses.Distinct().Count());

        // The service registers each address as an ip target, and as a Cloud Map A record.
        await Poll.UntilAsync("the addresses to be the healthy targets",
            async () => (await ElbAsync("describe-target-health", "--target-group-arn", ipGroup))["TargetHealthDescriptions"]!.AsArray()
                .Select(h => (Id: Text(h!["Target"]!["Id"]), Port: h["Target"]!["Port"]!.GetValue<int>(), State: Text(h["TargetHealth"]!["State"]))).ToList(),
            ts => ts.Count == 2 && ts.All(t => t.Port == 80 && t.State == "healthy") && ts.Select(t => t.Id).Order().SequenceEqual(addresses.Order()),
            Timeout, ts => string.Join(", ", ts));
        var through = await Curl.GetAsync($"http://127.0.0.1:{port}/");
        Assert.Equal(200, through.Status);
        Assert.Contains("SERVICE_NAME=vpc-web", through.Body, StringComparison.Ordinal);
        await Poll.UntilAsync("dig web.vpc.local A", () => wharf.DigAsync("web.vpc.local", "A", "+short"),
            r => Lines(r.StdOut).Order().SequenceEqual(addresses.Order()), Timeout, r => r.StdOut);

        // EC2 lists the interfaces ECS manages for the tasks.
        var interfaces = (await Ec2Async("describe-network-interfaces", "--filters", $"Name=subnet-id,Values={subnetId}"))["NetworkInterfaces"]!.AsArray();
        Assert.Equal(addresses.Order(), interfaces.Select(i => Text(i!["PrivateIpAddress"])).Order());

        // Scaled to zero: the tasks stop and no container of theirs runs on, pause containers included
        // (stopped containers stay until the agent's cleanup delay, as ECS keeps them for 3 h).
        var arns = tasks.Select(t => EcsTasks.Str(t, "taskArn")!).ToList();
        await Aws.EcsOkAsync("update-service", "--service", "vpc-web", "--desired-count", "0");
        var stopped = await EcsTasks.WaitForStatusAsync(Aws, "default", arns, "STOPPED");
        Assert.All(stopped, t => Assert.Equal("DELETED", Eni(t!)?["status"]?.GetValue<string>()));
        foreach (var arn in arns)
        {
            await Poll.UntilAsync($"no container of {EcsTasks.Id(arn)} running",
                () => DockerCli.OkAsync("ps", "-q", "--filter", $"label=com.amazonaws.ecs.task-arn={arn}"),
                ids => ids.Trim().Length == 0, Timeout, ids => ids);
        }

        await Aws.EcsOkAsync("delete-service", "--service", "vpc-web");
    });

    private async Task RefusedAsync(string code, params string[] args)
    {
        var result = await Aws.EcsAsync(args);
        Assert.False(result.Succeeded, result.ToString());
        Assert.Equal(code, result.ErrorCode);
    }

    private static JsonNode? Eni(JsonNode task) =>
        task["attachments"]?.AsArray().FirstOrDefault(a => a?["type"]?.GetValue<string>() == "ElasticNetworkInterface");

    private async Task<JsonArray> ServiceTasksAsync(string service)
    {
        var arns = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", service, "--desired-status", "RUNNING"));
        return arns.Count == 0 ? [] : await EcsTasks.DescribeAsync(Aws, "default", arns);
    }

    /// <summary>A target group with quick health checks and a 5 s drain (the default 300 s would hold every stop).</summary>
    private async Task<string> TargetGroupAsync(string name, string targetType)
    {
        var arn = Text((await ElbAsync("create-target-group", "--name", name, "--protocol", "HTTP", "--port", "80", "--target-type", targetType,
            "--vpc-id", Text((await Ec2Async("describe-vpcs"))["Vpcs"]![0]!["VpcId"]),
            "--health-check-path", "/health", "--health-check-interval-seconds", "5", "--health-check-timeout-seconds", "2",
            "--healthy-threshold-count", "2", "--unhealthy-threshold-count", "2"))["TargetGroups"]![0]!["TargetGroupArn"]);
        await ElbAsync("modify-target-group-attributes", "--target-group-arn", arn, "--attributes", "Key=deregistration_delay.timeout_seconds,Value=5");
        return arn;
    }

    private async Task<JsonNode> ElbAsync(params string[] args) => (await Aws.RunAsync(["elbv2", .. args])).EnsureSuccess();

    private async Task<JsonNode> Ec2Async(params string[] args) => (await Aws.RunAsync(["ec2", .. args])).EnsureSuccess();

    private static bool InCidr(string address, string cidr)
    {
        var (network, bits) = (System.Net.IPAddress.Parse(cidr[..cidr.IndexOf('/')]), int.Parse(cidr[(cidr.IndexOf('/') + 1)..], CultureInfo.InvariantCulture));
        var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        return (ToUInt(System.Net.IPAddress.Parse(address)) & mask) == (ToUInt(network) & mask);
    }

    private static uint ToUInt(System.Net.IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task Scenario(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            output.WriteLine(wharf.Describe());
            throw;
        }
    }
}
