using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// A DAEMON service over real agents: one task on each instance (<c>wharf up</c>'s in us-east-1a and
/// a second <c>wharf agent</c> in us-east-1b), the task of an instance set DRAINING stopped and not
/// placed elsewhere, a task following a third agent as it joins and the drained instance once it is
/// ACTIVE again. The service propagates its tags (and ECS-managed ones) to the tasks it starts.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Services")]
public sealed class DaemonServiceTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const string Definition = """
        {"family": "daemon-web", "containerDefinitions": [{"name": "web", "image": "wharf/web:1.0", "essential": true,
          "memory": 16, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public Task Daemon_InstancesJoinAndDrain_OneTaskPerActiveInstance() => Scenario(async () =>
    {
        var logs = new List<WharfLog>();
        var agents = new List<WharfProcess>();
        try
        {
            agents.Add(StartAgent("us-east-1b", logs));
            var instances = await InstancesAsync(2);
            await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition);
            var created = await Aws.EcsOkAsync(
                "create-service", "--service-name", "daemon", "--task-definition", "daemon-web",
                "--scheduling-strategy", "DAEMON", "--propagate-tags", "SERVICE", "--enable-ecs-managed-tags",
                "--tags", "key=team,value=platform", "key=tier,value=edge");
            Assert.Equal("DAEMON", created["service"]!["schedulingStrategy"]!.GetValue<string>());
            Assert.Equal("SERVICE", created["service"]!["propagateTags"]!.GetValue<string>());

            var placed = await OnePerInstanceAsync(instances);
            await Aws.EcsOkAsync("wait", "services-stable", "--services", "daemon");

            // Tags: the service's own and the ECS-managed ones, on every task it started.
            var taskArn = EcsTasks.Str(placed[0], "taskArn")!;
            var listed = Tags((await Aws.EcsOkAsync("list-tags-for-resource", "--resource-arn", taskArn))["tags"]);
            Assert.Equal("platform", listed["team"]);
            Assert.Equal("edge", listed["tier"]);
            Assert.Equal("daemon", listed["aws:ecs:serviceName"]);
            Assert.Equal("default", listed["aws:ecs:clusterName"]);
            var described = await Aws.EcsOkAsync(["describe-tasks", "--include", "TAGS", "--tasks", .. placed.Select(t => EcsTasks.Str(t, "taskArn")!)]);
            Assert.All(described["tasks"]!.AsArray(), t => Assert.Equal(listed, Tags(t!["tags"])));

            // DRAINING: the instance's daemon task stops and is not placed anywhere else.
            var drained = instances.Single(i => i.Zone == "us-east-1b").Arn;
            var drainedTask = placed.Single(t => EcsTasks.Str(t, "containerInstanceArn") == drained)!;
            await Aws.EcsOkAsync("update-container-instances-state", "--container-instances", drained, "--status", "DRAINING");
            var stopped = (await EcsTasks.WaitForStatusAsync(Aws, "default", [EcsTasks.Str(drainedTask, "taskArn")!], "STOPPED"))[0]!;
            Assert.Equal("ServiceSchedulerInitiated", EcsTasks.Str(stopped, "stopCode"));
            var active = instances.Where(i => i.Arn != drained).ToList();
            await OnePerInstanceAsync(active);

            // A third agent joins: a task follows it.
            agents.Add(StartAgent("us-east-1c", logs));
            var joined = (await InstancesAsync(3)).Single(i => i.Zone == "us-east-1c");
            active.Add(joined);
            await OnePerInstanceAsync(active);

            // The drained instance is ACTIVE again: a task follows it too.
            await Aws.EcsOkAsync("update-container-instances-state", "--container-instances", drained, "--status", "ACTIVE");
            var all = await OnePerInstanceAsync([.. active, instances.Single(i => i.Arn == drained)]);
            Assert.Equal(3, all.Count);
            await Aws.EcsOkAsync("wait", "services-stable", "--services", "daemon");

            await Aws.EcsOkAsync("delete-service", "--service", "daemon", "--force");
        }
        catch
        {
            foreach (var log in logs)
            {
                Output.WriteLine($"Agent ({log.Path}):\n" + log.Tail());
            }

            throw;
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.InterruptAsync(TimeSpan.FromSeconds(20));
                agent.Dispose();
            }

            logs.ForEach(l => l.Dispose());
        }
    });

    private WharfProcess StartAgent(string zone, List<WharfLog> logs)
    {
        var directory = Directory.CreateTempSubdirectory("wharf-e2e-agent-").FullName;
        var log = new WharfLog(Path.Combine(directory, "agent.log"));
        logs.Add(log);
        return WharfProcess.Start(
            [
                "agent", "--server", Wharf.Endpoint.ToString().TrimEnd('/'), "--join-token", Wharf.JoinToken,
                "--state-dir", Path.Combine(directory, "state"), "--availability-zone", zone,
            ],
            new Dictionary<string, string?> { ["HOME"] = directory },
            log);
    }

    /// <summary>The cluster's container instances (ARN and zone) once there are <paramref name="count"/> connected.</summary>
    private async Task<List<(string Arn, string Zone)>> InstancesAsync(int count)
    {
        var described = await Poll.UntilAsync(
            $"{count} connected container instances",
            async () =>
            {
                var arns = (await Aws.EcsOkAsync("list-container-instances"))["containerInstanceArns"]!.AsArray()
                    .Select(a => a!.GetValue<string>()).ToList();
                return arns.Count == 0
                    ? []
                    : (await Aws.EcsOkAsync(["describe-container-instances", "--container-instances", .. arns]))["containerInstances"]!.AsArray().ToList();
            },
            list => list.Count == count && list.All(i => i!["agentConnected"]!.GetValue<bool>()),
            Timeout,
            list => string.Join("\n", list.Select(i => i?.ToJsonString())));
        return described
            .Select(i => (
                EcsTasks.Str(i, "containerInstanceArn")!,
                i!["attributes"]!.AsArray().Single(a => EcsTasks.Str(a, "name") == "ecs.availability-zone")!["value"]!.GetValue<string>()))
            .ToList();
    }

    /// <summary>
    /// Polls until the service runs exactly one RUNNING task on each of <paramref name="instances"/>
    /// and none anywhere else, and its desiredCount is their number; returns those tasks.
    /// </summary>
    private async Task<List<JsonNode?>> OnePerInstanceAsync(IReadOnlyCollection<(string Arn, string Zone)> instances)
    {
        var expected = instances.Select(i => i.Arn).Order(StringComparer.Ordinal).ToList();
        var seen = await Poll.UntilAsync(
            $"one daemon task on each of {string.Join(", ", instances.Select(i => i.Zone))}",
            async () =>
            {
                var service = (await Aws.EcsOkAsync("describe-services", "--services", "daemon"))["services"]![0]!;
                var arns = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", "daemon"));
                var tasks = arns.Count == 0 ? [] : (await EcsTasks.DescribeAsync(Aws, "default", arns)).ToList();
                return (Service: service, Tasks: tasks);
            },
            s => s.Service["desiredCount"]!.GetValue<int>() == expected.Count
                && s.Tasks.All(t => EcsTasks.Str(t, "lastStatus") == "RUNNING")
                && s.Tasks.Select(t => EcsTasks.Str(t, "containerInstanceArn")!).Order(StringComparer.Ordinal).SequenceEqual(expected),
            Timeout,
            s => $"desiredCount {s.Service["desiredCount"]}\n" + string.Join("\n", s.Tasks.Select(t => t?.ToJsonString())));
        return seen.Tasks;
    }

    private static Dictionary<string, string> Tags(JsonNode? tags) =>
        (tags?.AsArray() ?? []).ToDictionary(t => EcsTasks.Str(t, "key")!, t => EcsTasks.Str(t, "value")!);
}
