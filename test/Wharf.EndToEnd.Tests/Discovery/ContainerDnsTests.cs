using System.Globalization;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Discovery;

/// <summary>
/// Names resolve inside task containers without any set-up: a bridge-mode task gets the DNS server
/// on the Docker bridge gateway as its resolver, and from inside it busybox resolves a Cloud Map
/// name registered with the AWS CLI and reaches a load balancer's listener by its DNS name (answered
/// with the gateway to containers, with 127.0.0.1 to dig on this host); an awsvpc task resolves
/// the Cloud Map name through the same server.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Discovery")]
[Collection(ContainerDnsCollection.Name)]
public sealed class ContainerDnsTests(ContainerDnsFixture wharf, ITestOutputHelper output) : WharfTest(wharf, output), IClassFixture<ContainerDnsFixture>
{
    private const string ProbeDefinition = """
        {"family": "dns-probe", "containerDefinitions": [{"name": "probe", "image": "wharf/busybox:latest", "essential": true,
          "memory": 16, "command": ["sleep", "3600"]}]}
        """;

    [Fact]
    public Task Task_CloudMapNameAndBalancerName_ResolveInsideTheContainer() => Scenario(async () =>
    {
        var gateway = await wharf.ContainerDnsAddressAsync();
        var nsId = await DiscoveryCli.CreatePrivateNamespaceAsync(Aws, "tasks.e2e.internal");
        var serviceId = (await DiscoveryCli.OkAsync(Aws, "create-service", "--name", "db", "--namespace-id", nsId,
            "--dns-config", "RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=5}]"))["Service"]!["Id"]!.GetValue<string>();
        await DiscoveryCli.OkAsync(Aws, "register-instance", "--service-id", serviceId, "--instance-id", "db-1", "--attributes", "AWS_INSTANCE_IPV4=10.77.0.9");

        var lb = (await Aws.RunAsync("elbv2", "create-load-balancer", "--name", "by-name")).EnsureSuccess()["LoadBalancers"]![0]!;
        var dnsName = lb["DNSName"]!.GetValue<string>();
        var port = FreePorts.Tcp();
        (await Aws.RunAsync("elbv2", "create-listener", "--load-balancer-arn", lb["LoadBalancerArn"]!.GetValue<string>(), "--protocol", "HTTP",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--default-actions", "Type=fixed-response,FixedResponseConfig={StatusCode=200,ContentType=text/plain,MessageBody=reached by name}")).EnsureSuccess();

        // On this host the balancer's name is loopback; through the gateway listener it is the gateway.
        var local = await Poll.UntilAsync($"dig {dnsName}", () => wharf.DigAsync(dnsName, "A", "+short"), r => Answered(r.StdOut), TimeSpan.FromSeconds(30), r => r.ToString());
        Assert.Equal("127.0.0.1", local.StdOut.Trim());
        // Polled like the loopback one: one dig waits only 2 s for its answer.
        var viaGateway = await Poll.UntilAsync($"dig @{gateway} {dnsName}",
            () => ProcessRunner.RunAsync("dig", [$"@{gateway}", "+time=2", "+tries=1", dnsName, "A", "+short"], timeout: TimeSpan.FromSeconds(20)),
            r => Answered(r.StdOut), TimeSpan.FromSeconds(30), r => r.ToString());
        Assert.Equal(gateway, viaGateway.StdOut.Trim());

        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", ProbeDefinition);
        var arns = EcsTasks.Arns(await Aws.EcsOkAsync("run-task", "--task-definition", "dns-probe"));
        var task = (await EcsTasks.WaitForStatusAsync(Aws, "default", arns, "RUNNING"))[0]!;
        var container = EcsTasks.Str(task["containers"]![0], "runtimeId")!;

        var resolvConf = await DockerCli.OkAsync("exec", container, "cat", "/etc/resolv.conf");
        Assert.Contains($"nameserver {gateway}", resolvConf, StringComparison.Ordinal);

        var lookup = await Poll.UntilAsync("nslookup in the task", () => ExecAsync(container, "nslookup db.tasks.e2e.internal"),
            r => r.StdOut.Contains("10.77.0.9", StringComparison.Ordinal), TimeSpan.FromSeconds(30), r => r.ToString());
        Assert.Contains($"Server:\t\t{gateway}", lookup.StdOut, StringComparison.Ordinal);

        var page = await Poll.UntilAsync("wget through the balancer by name", () => ExecAsync(container, $"timeout 10 wget -q -O- http://{dnsName}:{port}/"),
            r => r.ExitCode == 0, TimeSpan.FromSeconds(30), r => r.ToString());
        Assert.Equal("reached by name", page.StdOut.Trim());

        // A name in the namespace that is not registered is NXDOMAIN there too.
        // Polled as the lookup above: a query that times out on a busy machine fails too, without NXDOMAIN.
        var missing = await Poll.UntilAsync("nslookup of an unregistered name in the task", () => ExecAsync(container, "nslookup nothing.tasks.e2e.internal"),
            r => (r.StdOut + r.StdErr).Contains("NXDOMAIN", StringComparison.Ordinal), TimeSpan.FromSeconds(30), r => r.ToString());
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("NXDOMAIN", missing.StdOut + missing.StdErr, StringComparison.Ordinal);

        await Aws.EcsOkAsync("stop-task", "--task", arns[0]);

        // An awsvpc task resolves through the same server: its pause container on the subnet's
        // network is created with it as DNS server, for every container of the task.
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", ProbeDefinition.Replace("\"family\": \"dns-probe\"",
            "\"family\": \"dns-probe-vpc\", \"networkMode\": \"awsvpc\"", StringComparison.Ordinal));
        var subnet = (await Aws.RunAsync("ec2", "describe-subnets")).EnsureSuccess()["Subnets"]![0]!["SubnetId"]!.GetValue<string>();
        var vpcArns = EcsTasks.Arns(await Aws.EcsOkAsync("run-task", "--task-definition", "dns-probe-vpc",
            "--network-configuration", $"awsvpcConfiguration={{subnets=[{subnet}]}}"));
        var vpcTask = (await EcsTasks.WaitForStatusAsync(Aws, "default", vpcArns, "RUNNING"))[0]!;
        var vpcContainer = EcsTasks.Str(vpcTask["containers"]![0], "runtimeId")!;
        // On the subnet's user-defined network Docker's embedded resolver (127.0.0.11) answers the
        // container and forwards to the servers given at creation; only Wharf's knows this name.
        await Poll.UntilAsync("nslookup in the awsvpc task", () => ExecAsync(vpcContainer, "nslookup db.tasks.e2e.internal"),
            r => r.StdOut.Contains("10.77.0.9", StringComparison.Ordinal), TimeSpan.FromSeconds(30), r => r.ToString());
        await Aws.EcsOkAsync("stop-task", "--task", vpcArns[0]);
    });

    /// <summary>A +short answer: dig prints its ";; connection timed out" there too.</summary>
    private static bool Answered(string output) =>
        output.Trim().Length > 0 && !output.Contains(";;", StringComparison.Ordinal);

    private static Task<ProcessResult> ExecAsync(string container, string script) =>
        DockerCli.RunAsync("exec", container, "sh", "-c", script);
}
