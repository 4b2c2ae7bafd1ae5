using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// An instance set to DRAINING with <c>aws ecs update-container-instances-state</c>: its service
/// task moves to the other instance within the deployment bounds (here at most 2 tasks, at least
/// 1 healthy), and it gets no new task.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Services")]
public sealed class DrainingInstanceTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const string Definition = """
        {"family": "drain-web", "containerDefinitions": [{"name": "web", "image": "wharf/web:1.0", "essential": true,
          "memory": 32, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public Task Service_InstanceDraining_TaskMovesWithinBounds() => Scenario(async () =>
    {
        var agentDirectory = Directory.CreateTempSubdirectory("wharf-e2e-agent-").FullName;
        using var agentLog = new WharfLog(Path.Combine(agentDirectory, "agent.log"));
        using var agent = WharfProcess.Start(
            [
                "agent", "--server", Wharf.Endpoint.ToString().TrimEnd('/'), "--join-token", Wharf.JoinToken,
                "--state-dir", Path.Combine(agentDirectory, "state"), "--availability-zone", "us-east-1b",
            ],
            new Dictionary<string, string?> { ["HOME"] = agentDirectory },
            agentLog);
        try
        {
            await Poll.UntilAsync(
                "two container instances",
                async () => (await Aws.EcsOkAsync("list-container-instances"))["containerInstanceArns"]!.AsArray().Count,
                count => count == 2,
                Timeout);
            await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition);
            await Aws.EcsOkAsync(
                "create-service", "--service-name", "drain", "--task-definition", "drain-web", "--desired-count", "2",
                "--deployment-configuration", "minimumHealthyPercent=50,maximumPercent=100");
            var placed = await TasksAsync(t => t.Count == 2 && t.All(x => EcsTasks.Str(x, "lastStatus") == "RUNNING"));
            var moving = placed.Single(t => EcsTasks.Str(t, "availabilityZone") == "us-east-1b")!;
            var drained = EcsTasks.Str(moving, "containerInstanceArn")!;

            await Aws.EcsOkAsync("update-container-instances-state", "--container-instances", drained, "--status", "DRAINING");

            var peak = 0;
            var moved = await TasksAsync(
                t => t.Count == 2 && t.All(x => EcsTasks.Str(x, "lastStatus") == "RUNNING" && EcsTasks.Str(x, "availabilityZone") == "us-east-1a"),
                all => peak = Math.Max(peak, all));
            Assert.True(peak <= 2, $"{peak} tasks were RUNNING or PENDING at once; maximumPercent 100 allows 2");
            var stopped = (await EcsTasks.WaitForStatusAsync(Aws, "default", [EcsTasks.Str(moving, "taskArn")!], "STOPPED"))[0]!;
            Assert.Equal("ServiceSchedulerInitiated", EcsTasks.Str(stopped, "stopCode"));
            Assert.DoesNotContain(moved, t => EcsTasks.Str(t, "containerInstanceArn") == drained);

            await Aws.EcsOkAsync("delete-service", "--service", "drain", "--force");
        }
        catch
        {
            Output.WriteLine("Second agent:\n" + agentLog.Tail());
            throw;
        }
        finally
        {
            await agent.InterruptAsync(TimeSpan.FromSeconds(20));
        }
    });

    /// <summary>
    /// The service's tasks wanted RUNNING once <paramref name="done"/> holds; <paramref name="observe"/>
    /// sees how many of its tasks (any desired status) are not yet STOPPED at each poll.
    /// </summary>
    private Task<List<JsonNode?>> TasksAsync(Func<List<JsonNode?>, bool> done, Action<int>? observe = null) =>
        Poll.UntilAsync(
            "the service's tasks",
            async () =>
            {
                var wanted = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", "drain"));
                var stopping = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", "drain", "--desired-status", "STOPPED"));
                var all = wanted.Concat(stopping).ToList();
                var tasks = all.Count == 0 ? [] : (await EcsTasks.DescribeAsync(Aws, "default", all)).ToList();
                observe?.Invoke(tasks.Count(t => EcsTasks.Str(t, "lastStatus") != "STOPPED"));
                return tasks.Where(t => EcsTasks.Str(t, "desiredStatus") == "RUNNING").ToList();
            },
            done,
            Timeout,
            tasks => string.Join("\n", tasks.Select(t => t?.ToJsonString())));
}
