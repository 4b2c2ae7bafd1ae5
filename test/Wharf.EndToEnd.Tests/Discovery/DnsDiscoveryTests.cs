using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Discovery;

/// <summary>
/// Cloud Map through the real AWS CLI and the DNS server through the real <c>dig</c>: a private
/// namespace, a service with A and SRV records, instances registered by hand, answered over UDP
/// and TCP with the configured TTL; bad queries get error codes and the server keeps serving.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Discovery")]
public sealed class DnsDiscoveryTests(DiscoveryFixture wharf, ITestOutputHelper output) : IClassFixture<DiscoveryFixture>
{
    private AwsCli Aws => wharf.Aws;

    [Fact]
    public Task RegisterInstance_PrivateNamespace_DigAnswersAAndSrv() => Scenario(async () =>
    {
        var nsId = await CreateNamespaceAsync("internal-bookingapp.com");
        var service = await OkAsync("create-service", "--name", "redis", "--namespace-id", nsId,
            "--dns-config", "RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=30},{Type=SRV,TTL=30}]",
            "--health-check-custom-config", "FailureThreshold=1");
        var serviceId = service["Service"]!["Id"]!.GetValue<string>();
        Assert.StartsWith("srv-", serviceId, StringComparison.Ordinal);

        await OkAsync("register-instance", "--service-id", serviceId, "--instance-id", "redis-1",
            "--attributes", "AWS_INSTANCE_IPV4=10.1.0.7,AWS_INSTANCE_PORT=6379,team=booking");

        var a = await DigUntilAsync(["redis.internal-bookingapp.com", "A", "+noall", "+answer"], o => o.Contains("10.1.0.7", StringComparison.Ordinal));
        Assert.Matches(@"redis\.internal-bookingapp\.com\.\s+30\s+IN\s+A\s+10\.1\.0\.7", a);

        var srv = await DigUntilAsync(["redis.internal-bookingapp.com", "SRV", "+short", "+tcp"], Answered);
        Assert.Equal("1 1 6379 redis-1.redis.internal-bookingapp.com.", srv.Trim());

        var host = await DigUntilAsync(["redis-1.redis.internal-bookingapp.com", "A", "+short"], Answered);
        Assert.Equal("10.1.0.7", host.Trim());

        var discovered = await RunAsync(["servicediscovery", "discover-instances", "--namespace-name", "internal-bookingapp.com", "--service-name", "redis"]);
        var instance = Assert.Single(discovered["Instances"]!.AsArray())!;
        Assert.Equal("redis-1", instance["InstanceId"]!.GetValue<string>());
        Assert.Equal("HEALTHY", instance["HealthStatus"]!.GetValue<string>());

        // Unhealthy instances leave the answer; deregistered ones too.
        await OkAsync("update-instance-custom-health-status", "--service-id", serviceId, "--instance-id", "redis-1", "--status", "UNHEALTHY");
        await OkAsync("register-instance", "--service-id", serviceId, "--instance-id", "redis-2",
            "--attributes", "AWS_INSTANCE_IPV4=10.1.0.8,AWS_INSTANCE_PORT=6380");
        await DigUntilAsync(["redis.internal-bookingapp.com", "A", "+short"], o => o.Trim() == "10.1.0.8");

        await OkAsync("deregister-instance", "--service-id", serviceId, "--instance-id", "redis-2");
        await OkAsync("deregister-instance", "--service-id", serviceId, "--instance-id", "redis-1");
        var empty = await DigUntilAsync(["redis.internal-bookingapp.com", "A"], o => o.Contains("ANSWER: 0", StringComparison.Ordinal));
        Assert.Contains("status: NOERROR", empty, StringComparison.Ordinal);
    });

    [Fact]
    public Task Dig_UnknownNameInNamespace_NxDomainAuthoritative() => Scenario(async () =>
    {
        await CreateNamespaceAsync("nx.example.internal");

        var result = await DigUntilAsync(["missing.nx.example.internal", "A"], o => o.Contains("NXDOMAIN", StringComparison.Ordinal));

        Assert.Contains("flags: qr aa", result, StringComparison.Ordinal);
        Assert.Contains("SOA", result, StringComparison.Ordinal);
    });

    [Fact]
    public Task Namespace_DuplicateName_NamespaceAlreadyExists() => Scenario(async () =>
    {
        await CreateNamespaceAsync("dup.example.internal");

        var again = await Aws.RunAsync("servicediscovery", "create-private-dns-namespace", "--name", "dup.example.internal", "--vpc", "vpc-local");

        Assert.Equal("NamespaceAlreadyExists", again.ErrorCode);
    });

    [Fact]
    public Task Dns_GarbageDatagrams_ServerKeepsAnswering() => Scenario(async () =>
    {
        var nsId = await CreateNamespaceAsync("garbage.example.internal");
        var service = await OkAsync("create-service", "--name", "web", "--namespace-id", nsId, "--dns-config", "DnsRecords=[{Type=A,TTL=5}]");
        await OkAsync("register-instance", "--service-id", service["Service"]!["Id"]!.GetValue<string>(), "--instance-id", "w1",
            "--attributes", "AWS_INSTANCE_IPV4=10.2.0.1");

        await DigUntilAsync(["web.garbage.example.internal", "A", "+short"], o => o.Trim() == "10.2.0.1");
        using (var udp = new UdpClient())
        {
            var target = new IPEndPoint(IPAddress.Loopback, wharf.DnsPort);
            await udp.SendAsync(new byte[] { 1, 2, 3 }, target);
            await udp.SendAsync(new byte[4000], target);
            await udp.SendAsync(Enumerable.Range(0, 600).Select(i => (byte)i).ToArray(), target);
        }

        // Each dig waits 2 s for its answer, which a busy machine may outlast once: what must hold is
        // that the server answers again, over UDP and TCP.
        Assert.Equal("10.2.0.1", (await DigUntilAsync(["web.garbage.example.internal", "A", "+short"], o => o.Trim() == "10.2.0.1")).Trim());
        Assert.Equal("10.2.0.1", (await DigUntilAsync(["web.garbage.example.internal", "A", "+short", "+tcp"], o => o.Trim() == "10.2.0.1")).Trim());
    });

    /// <summary>
    /// Runs dig until its output satisfies <paramref name="done"/> (the server rebuilds its zones just
    /// after a commit); a minute, as a loaded machine's dig processes and 2 s answers may be slow.
    /// </summary>
    private async Task<string> DigUntilAsync(string[] args, Func<string, bool> done) =>
        (await Poll.UntilAsync($"dig {string.Join(' ', args)}", () => wharf.DigAsync(args), r => done(r.StdOut), TimeSpan.FromSeconds(60), r => r.ToString())).StdOut;

    /// <summary>A +short answer: dig prints its ";; connection timed out" there too.</summary>
    private static bool Answered(string output) =>
        output.Trim().Length > 0 && !output.Contains(";;", StringComparison.Ordinal);

    private async Task<string> CreateNamespaceAsync(string name)
    {
        var created = await OkAsync("create-private-dns-namespace", "--name", name, "--vpc", "vpc-local");
        var operationId = created["OperationId"]!.GetValue<string>();
        var operation = (await OkAsync("get-operation", "--operation-id", operationId))["Operation"]!;
        Assert.Equal("SUCCESS", operation["Status"]!.GetValue<string>());
        var nsId = operation["Targets"]!["NAMESPACE"]!.GetValue<string>();
        Assert.StartsWith("ns-", nsId, StringComparison.Ordinal);
        return nsId;
    }

    private Task<JsonNode> OkAsync(params string[] args) => RunAsync(["servicediscovery", .. args]);

    private async Task<JsonNode> RunAsync(string[] args)
    {
        // DiscoverInstances goes to a data- host prefix; a local endpoint has none.
        var result = await Aws.RunAsync(args, new Dictionary<string, string?> { ["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true" });
        return result.Succeeded ? result.Json ?? new JsonObject() : throw new InvalidOperationException(result.ToString());
    }

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
