using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.AgentRestart;

/// <summary>
/// Wharf stops (Ctrl-C, or a crash) while tasks run: the containers keep running without it,
/// and when it starts again the same tasks are RUNNING on the same containers, re-adopted by
/// label, with no duplicate containers and no second container instance.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "AgentRestart")]
public sealed class AgentRestartTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const string Family = "restart-web";

    private const string TaskDefinition = """
        {"family": "restart-web", "containerDefinitions": [{"name": "web", "image": "wharf/web:latest", "essential": true,
          "memory": 32, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Restart_WhileTasksRun_SameTasksRunningNoDuplicates(bool crash) => Scenario(async () =>
    {
        var instancesBefore = await ContainerInstancesAsync();
        Assert.Single(instancesBefore);
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", TaskDefinition);
        var run = await Aws.EcsOkAsync("run-task", "--task-definition", Family, "--count", "2");
        var arns = EcsTasks.Arns(run);
        Assert.True(arns.Count == 2, $"run-task: {run.ToJsonString()}");
        var running = await EcsTasks.WaitForStatusAsync(Aws, "default", arns, "RUNNING");
        var runtimeIds = running.ToDictionary(t => EcsTasks.Str(t, "taskArn")!, t => EcsTasks.Str(t!["containers"]![0], "runtimeId")!);
        var ports = running.ToDictionary(t => EcsTasks.Str(t, "taskArn")!, t => EcsTasks.HostPort(t!, 80));
        await AssertOneRunningContainerPerTaskAsync(arns);

        var stoppedCleanly = await Wharf.StopAsync(crash);
        if (!crash)
        {
            Assert.True(stoppedCleanly, "wharf up did not stop within 20 s of Ctrl-C");
            Assert.Equal(0, Wharf.Process!.ExitCode);
        }

        // Without Wharf, the containers go on serving.
        foreach (var arn in arns)
        {
            Assert.True((await DockerCli.InspectAsync(runtimeIds[arn]))?["State"]?["Running"]?.GetValue<bool>() ?? false, $"container of {arn} stopped");
            // Polled: a container RUNNING for only a moment (the crash comes right after) may not listen yet.
            await Poll.UntilAsync($"{arn} to answer while wharf is down", () => WebPage.GetAsync(ports[arn]), p => p.Status == 200,
                EcsTasks.StatusTimeout, p => $"{p.Status} {p.Body}");
        }

        await Wharf.StartAsync();

        var again = await EcsTasks.WaitForStatusAsync(Aws, "default", arns, "RUNNING");
        foreach (var task in again)
        {
            var arn = EcsTasks.Str(task, "taskArn")!;
            Assert.Equal(runtimeIds[arn], EcsTasks.Str(task!["containers"]![0], "runtimeId"));
            Assert.Equal(ports[arn], EcsTasks.HostPort(task!, 80));
        }

        Assert.Equal(instancesBefore, await ContainerInstancesAsync());
        var listed = await Aws.EcsOkAsync("list-tasks", "--family", Family, "--desired-status", "RUNNING");
        Assert.Equal(arns.Order(StringComparer.Ordinal), EcsTasks.Arns(listed).Order(StringComparer.Ordinal));

        // Give a duplicate-starting agent time to show itself.
        for (var i = 0; i < 20; i++)
        {
            await AssertOneRunningContainerPerTaskAsync(arns);
            await Task.Delay(Poll.Interval);
        }

        // The re-adopted tasks are still managed: stopping one stops its container.
        await Aws.EcsOkAsync("stop-task", "--task", arns[0]);
        var stopped = (await EcsTasks.WaitForStatusAsync(Aws, "default", [arns[0]], "STOPPED"))[0]!;
        Assert.Equal("UserInitiated", EcsTasks.Str(stopped, "stopCode"));
        Assert.Equal(0, stopped["containers"]![0]!["exitCode"]?.GetValue<int>());
        Assert.False((await DockerCli.InspectAsync(runtimeIds[arns[0]]))?["State"]?["Running"]?.GetValue<bool>() ?? false);

        await Aws.EcsOkAsync("stop-task", "--task", arns[1]);
        await EcsTasks.WaitForStatusAsync(Aws, "default", [arns[1]], "STOPPED");
    });

    private async Task<List<string>> ContainerInstancesAsync() =>
        (await Aws.EcsOkAsync("list-container-instances"))["containerInstanceArns"]!.AsArray()
            .Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    private async Task AssertOneRunningContainerPerTaskAsync(IReadOnlyList<string> arns)
    {
        var containers = (await Wharf.OwnContainersAsync()).Where(c => arns.Contains(c.TaskArn)).ToList();
        foreach (var arn in arns)
        {
            var mine = containers.Where(c => c.TaskArn == arn).ToList();
            Assert.True(mine.Count == 1, $"task {arn} has {mine.Count} containers: {string.Join(", ", mine)}");
            Assert.Equal("running", mine[0].State);
        }
    }
}
