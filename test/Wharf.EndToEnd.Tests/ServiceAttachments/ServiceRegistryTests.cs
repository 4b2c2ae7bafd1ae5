using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Discovery;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.ServiceAttachments;

/// <summary>
/// An ECS service with <c>serviceRegistries</c>, through the real AWS CLI, <c>dig</c> and Docker:
/// its RUNNING tasks are Cloud Map instances (the container's bridge address and its container port,
/// with ECS's attributes), answered as A and SRV records; a replaced task's answer changes, and a
/// stopping task leaves the answer before its container stops.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "ServiceAttachments")]
public sealed class ServiceRegistryTests(DiscoveryFixture wharf, ITestOutputHelper output) : IClassFixture<DiscoveryFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    private AwsCli Aws => wharf.Aws;

    private const string Definition = """
        {"family": "sd-web", "containerDefinitions": [{"name": "web", "image": "wharf/web:1.0", "essential": true, "memory": 32,
          "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    [Fact]
    public Task Service_Registry_DigAndDiscoverFollowTheTasks() => Scenario(async () =>
    {
        var nsId = await DiscoveryCli.CreatePrivateNamespaceAsync(Aws, "ecs-attach.local");
        var registry = (await DiscoveryCli.OkAsync(Aws, "create-service", "--name", "web", "--namespace-id", nsId,
            "--dns-config", "RoutingPolicy=MULTIVALUE,DnsRecords=[{Type=A,TTL=30},{Type=SRV,TTL=30}]",
            "--health-check-custom-config", "FailureThreshold=1"))["Service"]!;
        var registryArn = registry["Arn"]!.GetValue<string>();
        var registryId = registry["Id"]!.GetValue<string>();

        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition);
        var created = await Aws.EcsOkAsync("create-service", "--service-name", "sd-web", "--task-definition", "sd-web:1", "--desired-count", "2",
            "--service-registries", $"registryArn={registryArn},containerName=web,containerPort=80");
        Assert.Equal(registryArn, created["service"]!["serviceRegistries"]![0]!["registryArn"]!.GetValue<string>());

        var tasks = await RegisteredAsync(registryId, 2);
        var addresses = await AddressesAsync(tasks);
        var a = await DigUntilAsync(["web.ecs-attach.local", "A", "+short"], o => Lines(o).Order().SequenceEqual(addresses.Values.Order()));
        Assert.Equal(2, Lines(a).Count);
        // Two answer lines, not any two: a dig that timed out prints its ";;" complaints there too.
        var srv = await DigUntilAsync(["web.ecs-attach.local", "SRV", "+short"], o => Lines(o).Count == 2 && !o.Contains(";;", StringComparison.Ordinal));
        Assert.All(Lines(srv), l => Assert.Matches(@"^\d+ \d+ 80 [a-z0-9]+\.web\.ecs-attach\.local\.$", l));

        var listed = await DiscoveryCli.OkAsync(Aws, "list-instances", "--service-id", registryId);
        var instance = listed["Instances"]!.AsArray().First()!;
        var attributes = instance["Attributes"]!;
        Assert.Equal("80", attributes["AWS_INSTANCE_PORT"]!.GetValue<string>());
        Assert.Equal("default", attributes["ECS_CLUSTER_NAME"]!.GetValue<string>());
        Assert.Equal("sd-web", attributes["ECS_SERVICE_NAME"]!.GetValue<string>());
        Assert.Equal("sd-web", attributes["ECS_TASK_DEFINITION_FAMILY"]!.GetValue<string>());
        Assert.Equal("us-east-1", attributes["REGION"]!.GetValue<string>());
        var discovered = await DiscoveryCli.OkAsync(Aws, "discover-instances", "--namespace-name", "ecs-attach.local", "--service-name", "web");
        Assert.Equal(tasks.Order(), discovered["Instances"]!.AsArray().Select(i => i!["InstanceId"]!.GetValue<string>()).Order());

        // A task stopped by hand leaves Cloud Map before its container stops; the service replaces it and the answer changes.
        var victim = tasks[0];
        var victimContainer = EcsTasks.Str((await EcsTasks.DescribeAsync(Aws, "default", [victim]))[0]!["containers"]![0], "runtimeId")!;
        await Aws.EcsOkAsync("stop-task", "--task", victim);
        var replaced = await RegisteredAsync(registryId, 2, without: victim);
        var newAddresses = await AddressesAsync(replaced);
        await DigUntilAsync(["web.ecs-attach.local", "A", "+short"], o => Lines(o).Order().SequenceEqual(newAddresses.Values.Order()));
        Assert.DoesNotContain(victim, replaced);

        var deregistered = await DeregisteredAtAsync(victim);
        var finished = await Poll.UntilAsync("the stopped task's container to exit",
            async () => (await DockerCli.InspectAsync(victimContainer))?["State"],
            s => s is null || s["Running"]!.GetValue<bool>() == false, Timeout, s => s?.ToJsonString() ?? "removed");
        Assert.NotNull(finished);
        var finishedAt = DateTimeOffset.Parse(finished!["FinishedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(deregistered <= finishedAt, $"deregistered at {deregistered:O}, container finished at {finishedAt:O}");
    });

    /// <summary>When Cloud Map's DEREGISTER_INSTANCE operation for <paramref name="instanceId"/> was created.</summary>
    private async Task<DateTimeOffset> DeregisteredAtAsync(string instanceId)
    {
        var operations = (await DiscoveryCli.OkAsync(Aws, "list-operations", "--filters", "Name=TYPE,Values=DEREGISTER_INSTANCE"))["Operations"]!.AsArray();
        foreach (var summary in operations)
        {
            var operation = (await DiscoveryCli.OkAsync(Aws, "get-operation", "--operation-id", summary!["Id"]!.GetValue<string>()))["Operation"]!;
            if (operation["Targets"]?["INSTANCE"]?.GetValue<string>() == instanceId)
            {
                var created = operation["CreateDate"]!;
                return created.GetValueKind() == System.Text.Json.JsonValueKind.Number
                    ? DateTimeOffset.FromUnixTimeMilliseconds((long)(created.GetValue<double>() * 1000))
                    : DateTimeOffset.Parse(created.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No DEREGISTER_INSTANCE operation for {instanceId}");
    }

    /// <summary>Waits until Cloud Map lists exactly <paramref name="count"/> instances (without <paramref name="without"/>) and returns their ids (= task ids).</summary>
    private async Task<List<string>> RegisteredAsync(string registryId, int count, string? without = null) =>
        await Poll.UntilAsync($"{count} Cloud Map instances",
            async () => (await DiscoveryCli.OkAsync(Aws, "list-instances", "--service-id", registryId))["Instances"]!.AsArray()
                .Select(i => i!["Id"]!.GetValue<string>()).ToList(),
            ids => ids.Count == count && (without is null || !ids.Contains(EcsTasks.Id(without))),
            Timeout,
            ids => string.Join(", ", ids));

    /// <summary>Each task's Cloud Map address, checked against the container's bridge address Docker reports.</summary>
    private async Task<Dictionary<string, string>> AddressesAsync(IEnumerable<string> taskIds)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var task in await EcsTasks.DescribeAsync(Aws, "default", taskIds))
        {
            var runtimeId = EcsTasks.Str(task!["containers"]![0], "runtimeId")!;
            var inspect = await DockerCli.InspectAsync(runtimeId);
            var bridge = inspect!["NetworkSettings"]!["Networks"]!["bridge"]!["IPAddress"]!.GetValue<string>();
            result[EcsTasks.Id(EcsTasks.Str(task, "taskArn")!)] = bridge;
        }

        return result;
    }

    private async Task<string> DigUntilAsync(string[] args, Func<string, bool> done) =>
        (await Poll.UntilAsync($"dig {string.Join(' ', args)}", () => wharf.DigAsync(args), r => done(r.StdOut), Timeout, r => r.StdOut)).StdOut;

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

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
