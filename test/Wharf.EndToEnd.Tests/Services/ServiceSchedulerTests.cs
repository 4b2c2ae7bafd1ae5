using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// A service on two container instances in two zones (<c>wharf up</c>'s agent in us-east-1a and a
/// second <c>wharf agent</c> process in us-east-1b, sharing the Docker Engine): spread 2+2, a
/// killed container replaced, a rolling update to revision 2 and a forced new deployment, each
/// ending in the steady state <c>aws ecs wait services-stable</c> accepts.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Services")]
public sealed class ServiceSchedulerTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private static readonly TimeSpan StableTimeout = TimeSpan.FromSeconds(90);

    private static string Definition(string image) => $$"""
        {"family": "svc-web", "containerDefinitions": [{"name": "web", "image": "{{image}}", "essential": true,
          "memory": 32, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    [Fact]
    public Task Service_TwoZones_SpreadsHealsRollsAndRedeploys() => Scenario(async () =>
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
                "two connected container instances",
                async () => (await Aws.EcsOkAsync("list-container-instances"))["containerInstanceArns"]!.AsArray().Count,
                count => count == 2,
                TimeSpan.FromSeconds(60));

            await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("wharf/web:1.0"));
            var created = await Aws.EcsOkAsync(
                "create-service", "--service-name", "web", "--task-definition", "svc-web:1", "--desired-count", "4",
                "--deployment-configuration", "minimumHealthyPercent=50,maximumPercent=200",
                "--placement-strategy", "type=spread,field=attribute:ecs.availability-zone", "type=binpack,field=memory");
            Assert.Equal("ACTIVE", created["service"]!["status"]!.GetValue<string>());

            // Spread over zones: 2 + 2.
            var first = await WaitStableAsync(1);
            Assert.Equal(2, first.Count(t => EcsTasks.Str(t, "availabilityZone") == "us-east-1a"));
            Assert.Equal(2, first.Count(t => EcsTasks.Str(t, "availabilityZone") == "us-east-1b"));
            await Aws.EcsOkAsync("wait", "services-stable", "--services", "web");
            Assert.Contains(await EventsAsync(), e => e == "(service web) has reached a steady state.");

            // docker kill: the task stops on its own and a replacement runs.
            var victim = first[0]!;
            var victimArn = EcsTasks.Str(victim, "taskArn")!;
            await DockerCli.OkAsync("kill", EcsTasks.Str(victim["containers"]![0], "runtimeId")!);
            var stopped = (await EcsTasks.WaitForStatusAsync(Aws, "default", [victimArn], "STOPPED"))[0]!;
            Assert.Equal("EssentialContainerExited", EcsTasks.Str(stopped, "stopCode"));
            var healed = await WaitStableAsync(1);
            Assert.DoesNotContain(healed, t => EcsTasks.Str(t, "taskArn") == victimArn);
            Assert.Contains(await EventsAsync(), e => e.StartsWith("(service web) has started 1 tasks: (task ", StringComparison.Ordinal));

            // Rolling update to revision 2 within 50%..200% of 4.
            await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("wharf/web:2.0"));
            await Aws.EcsOkAsync("update-service", "--service", "web", "--task-definition", "svc-web:2");
            var rolled = await WaitStableAsync(2, task => Assert.True(task <= 8, $"{task} tasks exceed maximumPercent 200"));
            Assert.All(rolled, t => Assert.EndsWith("svc-web:2", EcsTasks.Str(t, "taskDefinitionArn"), StringComparison.Ordinal));
            await Aws.EcsOkAsync("wait", "services-stable", "--services", "web");

            // Force a new deployment: every task replaced, same definition.
            var before = rolled.Select(t => EcsTasks.Str(t, "taskArn")).ToHashSet();
            await Aws.EcsOkAsync("update-service", "--service", "web", "--force-new-deployment");
            var redeployed = await Poll.UntilAsync(
                "every task replaced",
                () => WaitStableAsync(2),
                tasks => tasks.All(t => !before.Contains(EcsTasks.Str(t, "taskArn"))),
                StableTimeout);
            Assert.Equal(4, redeployed.Count);

            await Aws.EcsOkAsync("delete-service", "--service", "web", "--force");
            await Poll.UntilAsync(
                "the service to be INACTIVE",
                async () => (await Aws.EcsOkAsync("describe-services", "--services", "web"))["services"]![0]!["status"]!.GetValue<string>(),
                status => status == "INACTIVE",
                StableTimeout);
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
    /// Polls until the service is steady as <c>services-stable</c> defines it (one deployment,
    /// runningCount = desiredCount) with every task of <paramref name="revision"/> RUNNING; returns those tasks.
    /// </summary>
    private async Task<List<JsonNode?>> WaitStableAsync(int revision, Action<int>? observeTotal = null)
    {
        var suffix = ":" + revision.ToString(CultureInfo.InvariantCulture);
        var steady = await Poll.UntilAsync(
            $"service web steady on revision {revision}",
            async () =>
            {
                var service = (await Aws.EcsOkAsync("describe-services", "--services", "web"))["services"]![0]!;
                var arns = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", "web"));
                var tasks = arns.Count == 0 ? [] : (await EcsTasks.DescribeAsync(Aws, "default", arns)).ToList();
                observeTotal?.Invoke(tasks.Count(t => EcsTasks.Str(t, "lastStatus") != "STOPPED"));
                return (Service: service, Tasks: tasks.Where(t => EcsTasks.Str(t, "desiredStatus") == "RUNNING").ToList());
            },
            s => s.Service["deployments"]!.AsArray().Count == 1
                && s.Service["runningCount"]!.GetValue<int>() == 4
                && s.Service["desiredCount"]!.GetValue<int>() == 4
                && s.Tasks.Count == 4
                && s.Tasks.All(t => EcsTasks.Str(t, "lastStatus") == "RUNNING"
                    && EcsTasks.Str(t, "taskDefinitionArn")!.EndsWith(suffix, StringComparison.Ordinal)),
            StableTimeout,
            s => s.Service.ToJsonString());
        return steady.Tasks;
    }

    private async Task<List<string>> EventsAsync() =>
        (await Aws.EcsOkAsync("describe-services", "--services", "web"))["services"]![0]!["events"]!.AsArray()
            .Select(e => e!["message"]!.GetValue<string>())
            .ToList();
}
