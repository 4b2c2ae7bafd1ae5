using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Discovery;

/// <summary>
/// The booking app walkthrough (examples/bookingapp) with the real AWS CLI: a private DNS namespace
/// <c>internal-bookingapp.com</c>, a Cloud Map service <c>redis</c> (A, TTL 30), an ECS service
/// <c>redis</c> registered in it through <c>serviceRegistries</c>, and a web service whose container
/// reaches <c>redis.internal-bookingapp.com:6379</c> by name and counts its hits there.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Discovery")]
[Collection(ContainerDnsCollection.Name)]
public sealed partial class BookingAppWalkthroughTests(ContainerDnsFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<ContainerDnsFixture>
{
    private const string RedisDefinition = """
        {"family": "redis", "containerDefinitions": [{"name": "redis", "image": "wharf/redis:latest", "essential": true,
          "memory": 64, "portMappings": [{"containerPort": 6379}]}]}
        """;

    private const string WebDefinition = """
        {"family": "bookingapp", "containerDefinitions": [{"name": "web", "image": "wharf/bookingapp:latest", "essential": true,
          "memory": 32, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    [Fact]
    public Task Walkthrough_WebReachesRedisByName_CountGrowsWithEachHit() => Scenario(async () =>
    {
        await wharf.ContainerDnsAddressAsync();
        var nsId = await DiscoveryCli.CreatePrivateNamespaceAsync(Aws, "internal-bookingapp.com");
        var registry = (await DiscoveryCli.OkAsync(Aws, "create-service", "--name", "redis", "--namespace-id", nsId,
            "--dns-config", "RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=30}]"))["Service"]!;
        var registryArn = registry["Arn"]!.GetValue<string>();
        var registryId = registry["Id"]!.GetValue<string>();

        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", RedisDefinition);
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", WebDefinition);
        // In bridge mode ECS wants the container and port a registry refers to, as AWS documents it.
        await Aws.EcsOkAsync("create-service", "--service-name", "redis", "--task-definition", "redis", "--desired-count", "1",
            "--service-registries", $"registryArn={registryArn},containerName=redis,containerPort=6379");

        var instance = await Poll.UntilAsync("the redis task to be registered in Cloud Map",
            async () => (await DiscoveryCli.OkAsync(Aws, "list-instances", "--service-id", registryId))["Instances"]!.AsArray(),
            list => list.Count == 1 && list[0]!["Attributes"]?["AWS_INSTANCE_IPV4"] is not null, TimeSpan.FromSeconds(90), list => list.ToJsonString());
        var redisIp = instance[0]!["Attributes"]!["AWS_INSTANCE_IPV4"]!.GetValue<string>();
        var dig = await Poll.UntilAsync("dig redis.internal-bookingapp.com", () => wharf.DigAsync("redis.internal-bookingapp.com", "A", "+noall", "+answer"),
            r => r.StdOut.Contains(redisIp, StringComparison.Ordinal), TimeSpan.FromSeconds(30), r => r.ToString());
        Assert.Matches(@"redis\.internal-bookingapp\.com\.\s+30\s+IN\s+A\s+" + Regex.Escape(redisIp), dig.StdOut);

        await Aws.EcsOkAsync("create-service", "--service-name", "web", "--task-definition", "bookingapp", "--desired-count", "1");
        var webTask = await Poll.UntilAsync("the web task to run",
            async () =>
            {
                var arns = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", "web", "--desired-status", "RUNNING"));
                return arns.Count == 0 ? null : (await EcsTasks.DescribeAsync(Aws, "default", arns))[0];
            },
            t => EcsTasks.Str(t, "lastStatus") == "RUNNING", TimeSpan.FromSeconds(90), t => t?.ToJsonString() ?? "no task");
        var url = $"http://127.0.0.1:{EcsTasks.HostPort(webTask!, 80)}/";

        var first = await Poll.UntilAsync("the booking app to count a hit", () => Curl.GetAsync(url), r => r.Status == 200, TimeSpan.FromSeconds(60));
        var second = await Curl.GetAsync(url);

        Assert.Equal(200, second.Status);
        Assert.Equal(Visits(first.Body) + 1, Visits(second.Body));

        await Aws.EcsOkAsync("delete-service", "--service", "web", "--force");
        await Aws.EcsOkAsync("delete-service", "--service", "redis", "--force");
    });

    private static int Visits(string body) =>
        VisitsPattern().Match(body) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new FormatException($"No visit count in:\n{body}");

    [GeneratedRegex(@"^visits: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex VisitsPattern();
}
