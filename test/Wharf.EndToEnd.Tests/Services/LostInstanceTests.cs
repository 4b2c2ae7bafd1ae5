using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// A second agent dies (SIGKILL) while it runs a service task: its instance shows
/// <c>agentConnected: false</c>, the task is replaced on the other instance once the instance is
/// declared lost (<c>WHARF_INSTANCE_LOST_SECONDS</c> after the disconnect, 30 s by default), and
/// when the agent comes back with the same state directory its stale task is stopped, not run twice.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Services")]
public sealed class LostInstanceTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const string Definition = """
        {"family": "lost-web", "containerDefinitions": [{"name": "web", "image": "wharf/web:1.0", "essential": true,
          "memory": 32, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public Task Service_AgentLostAndBack_ReplacedElsewhereAndStaleTaskStopped() => Scenario(async () =>
    {
        var agentDirectory = Directory.CreateTempSubdirectory("wharf-e2e-agent-").FullName;
        using var agentLog = new WharfLog(Path.Combine(agentDirectory, "agent.log"));
        string[] agentArgs =
        [
            "agent", "--server", Wharf.Endpoint.ToString().TrimEnd('/'), "--join-token", Wharf.JoinToken,
            "--state-dir", Path.Combine(agentDirectory, "state"), "--availability-zone", "us-east-1b",
        ];
        var environment = new Dictionary<string, string?> { ["HOME"] = agentDirectory };
        var agent = WharfProcess.Start(agentArgs, environment, agentLog);
        try
        {
            await Poll.UntilAsync(
                "two container instances",
                async () => (await Aws.EcsOkAsync("list-container-instances"))["containerInstanceArns"]!.AsArray().Count,
                count => count == 2,
                Timeout);
            await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition);
            await Aws.EcsOkAsync("create-service", "--service-name", "lost", "--task-definition", "lost-web", "--desired-count", "2");
            var placed = await RunningAsync(t => t.Count == 2);
            var stale = placed.Single(t => EcsTasks.Str(t, "availabilityZone") == "us-east-1b")!;
            var staleArn = EcsTasks.Str(stale, "taskArn")!;
            var lostInstance = EcsTasks.Str(stale, "containerInstanceArn")!;

            await agent.KillAsync();
            await Poll.UntilAsync(
                "the instance to show agentConnected false",
                async () => (await Aws.EcsOkAsync("describe-container-instances", "--container-instances", lostInstance))
                    ["containerInstances"]![0]!["agentConnected"]!.GetValue<bool>(),
                connected => !connected,
                Timeout);

            var replaced = await RunningAsync(t => t.Count == 2 && t.All(x => EcsTasks.Str(x, "availabilityZone") == "us-east-1a"));
            Assert.DoesNotContain(replaced, t => EcsTasks.Str(t, "taskArn") == staleArn);
            var told = (await EcsTasks.DescribeAsync(Aws, "default", [staleArn]))[0]!;
            Assert.Equal("STOPPED", EcsTasks.Str(told, "desiredStatus"));
            Assert.Equal("ServiceSchedulerInitiated", EcsTasks.Str(told, "stopCode"));

            agent.Dispose();
            agent = WharfProcess.Start(agentArgs, environment, agentLog);
            await EcsTasks.WaitForStatusAsync(Aws, "default", [staleArn], "STOPPED");
            Assert.DoesNotContain(await Wharf.OwnContainersAsync(), c => c.TaskArn == staleArn && c.State == "running");
            Assert.Equal(2, (await RunningAsync(t => t.Count == 2)).Count);

            await Aws.EcsOkAsync("delete-service", "--service", "lost", "--force");
        }
        catch
        {
            Output.WriteLine("Second agent:\n" + agentLog.Tail());
            throw;
        }
        finally
        {
            await agent.InterruptAsync(TimeSpan.FromSeconds(20));
            agent.Dispose();
        }
    });

    /// <summary>The service's tasks wanted RUNNING, once all are RUNNING and <paramref name="done"/> holds.</summary>
    private Task<List<System.Text.Json.Nodes.JsonNode?>> RunningAsync(Func<List<System.Text.Json.Nodes.JsonNode?>, bool> done) =>
        Poll.UntilAsync(
            "the service's tasks",
            async () =>
            {
                var arns = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", "lost"));
                return arns.Count == 0 ? [] : (await EcsTasks.DescribeAsync(Aws, "default", arns)).ToList();
            },
            tasks => tasks.All(t => EcsTasks.Str(t, "lastStatus") == "RUNNING") && done(tasks),
            Timeout,
            tasks => string.Join("\n", tasks.Select(t => t?.ToJsonString())));
}
