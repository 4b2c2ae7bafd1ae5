using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// <c>wharf up</c> is killed (SIGKILL) during a rolling update: started again, it
/// finishes the same deployment within its bounds, and the service ends with exactly its desired
/// tasks on the new revision, each with one running container: none lost, none started twice.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Services")]
public sealed class ServiceRestartTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static string Definition(string image) => $$"""
        {"family": "resume-web", "containerDefinitions": [{"name": "web", "image": "{{image}}", "essential": true,
          "memory": 16, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    [Fact]
    public Task Service_ServerCrashesMidRollout_DeploymentResumesWithoutLostOrDuplicatedTasks() => Scenario(async () =>
    {
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("wharf/web:1.0"));
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("wharf/web:2.0"));
        await Aws.EcsOkAsync(
            "create-service", "--service-name", "resume", "--task-definition", "resume-web:1", "--desired-count", "3",
            "--deployment-configuration", "minimumHealthyPercent=100,maximumPercent=200");
        await (await RolloutSampler.StartAsync(Aws, "resume", "resume-web:1", Timeout)).FinishAsync();
        var original = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", "resume")).ToHashSet();

        // boto3 updates the service and, polling every 50 ms, SIGKILLs wharf up the moment the
        // new deployment's first task shows, so the crash lands while the rollout is under way.
        var pid = Wharf.Process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var killed = (await Aws.Boto3Async($$"""
            import signal, time
            original = set({{System.Text.Json.JsonSerializer.Serialize(original)}})
            updated = ecs.update_service(service="resume", taskDefinition="resume-web:2")["service"]
            deadline = time.monotonic() + 40
            result = {"killed": False}
            while time.monotonic() < deadline:
                arns = ecs.list_tasks(serviceName="resume")["taskArns"]
                if any(a not in original for a in arns):
                    os.kill({{pid}}, signal.SIGKILL)
                    result = {"killed": True, "arns": arns}
                    break
                time.sleep(0.05)
            result["deployment"] = updated["deployments"][0]["id"]
            out(result)
            """)).EnsureSuccess();
        Output.WriteLine("Killed with these tasks wanted RUNNING: " + killed.ToJsonString());
        Assert.True(killed["killed"]!.GetValue<bool>(), "no task of the new deployment showed within 40 s");
        var deploymentId = killed["deployment"]!.GetValue<string>();

        await Wharf.StopAsync(crash: true);
        await Wharf.StartAsync();

        var samples = await (await RolloutSampler.StartAsync(Aws, "resume", "resume-web:2", Timeout)).FinishAsync();
        Assert.All(samples, s =>
        {
            Assert.True(s["healthy"]!.GetValue<int>() >= 3, $"fewer than 3 healthy tasks after the restart: {s.ToJsonString()}");
            Assert.True(s["total"]!.GetValue<int>() <= 6, $"more than 6 RUNNING or PENDING tasks after the restart: {s.ToJsonString()}");
        });

        var service = (await Aws.EcsOkAsync("describe-services", "--services", "resume"))["services"]![0]!;
        var primary = Assert.Single(service["deployments"]!.AsArray())!;
        Assert.Equal(deploymentId, EcsTasks.Str(primary, "id"));
        Assert.Equal("COMPLETED", EcsTasks.Str(primary, "rolloutState"));
        var arns = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", "resume"));
        Assert.Equal(3, arns.Count);
        var tasks = await EcsTasks.DescribeAsync(Aws, "default", arns);
        Assert.All(tasks, t => Assert.EndsWith("resume-web:2", EcsTasks.Str(t, "taskDefinitionArn"), StringComparison.Ordinal));

        // Every container of the service's stopped tasks stops; the three tasks keep one each.
        var containers = await Poll.UntilAsync(
            "one running container per task",
            async () => (await Wharf.OwnContainersAsync()).Where(c => c.State == "running").ToList(),
            running => running.Count == 3,
            Timeout,
            running => string.Join("\n", running));
        Assert.Equal(arns.Order(StringComparer.Ordinal), containers.Select(c => c.TaskArn).Order(StringComparer.Ordinal));
        await Aws.EcsOkAsync("wait", "services-stable", "--services", "resume");

        await Aws.EcsOkAsync("delete-service", "--service", "resume", "--force");
    });
}
