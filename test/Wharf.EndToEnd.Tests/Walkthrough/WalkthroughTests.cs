using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Walkthrough;

/// <summary>
/// The user walkthrough of issue 2, as the README tells it: the local agent is in the
/// <c>default</c> cluster, the user creates <c>stage01</c>, registers
/// examples/walkthrough/web-taskdef.json, runs three tasks, curls each one's dynamic host port,
/// and stops one.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Walkthrough")]
public sealed class WalkthroughTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    /// <summary>The README's task definition file, relative to the repository root (the working directory).</summary>
    public const string TaskDefinitionFile = "examples/walkthrough/web-taskdef.json";

    /// <summary>The commands the README shows and this test runs, after <c>aws</c>.</summary>
    public static readonly string[][] ReadmeCommands =
    [
        ["ecs", "create-cluster", "--cluster-name", "stage01"],
        ["ecs", "register-task-definition", "--cli-input-json", $"file://{TaskDefinitionFile}"],
        ["ecs", "run-task", "--task-definition", "web", "--count", "3"],
    ];

    [Fact]
    public Task Walkthrough_ReadmeSteps_RunsCurlsAndStopsTasks() => Scenario(async () =>
    {
        var account = Wharf.AccountId;

        // The agent inside `wharf up` registered this host in the default cluster.
        var instances = await Aws.EcsOkAsync("list-container-instances");
        Assert.Single(instances["containerInstanceArns"]!.AsArray());
        var defaultCluster = (await Aws.EcsOkAsync("describe-clusters", "--clusters", "default"))["clusters"]![0]!;
        Assert.Equal(1, defaultCluster["registeredContainerInstancesCount"]!.GetValue<int>());

        var created = (await Aws.RunAsync(ReadmeCommands[0])).EnsureSuccess()["cluster"]!;
        Assert.Equal("stage01", EcsTasks.Str(created, "clusterName"));
        Assert.Equal("ACTIVE", EcsTasks.Str(created, "status"));
        Assert.Equal($"arn:aws:ecs:us-east-1:{account}:cluster/stage01", EcsTasks.Str(created, "clusterArn"));

        var definition = (await Aws.RunAsync(ReadmeCommands[1])).EnsureSuccess()["taskDefinition"]!;
        var revision = definition["revision"]!.GetValue<int>();
        Assert.Equal("web", EcsTasks.Str(definition, "family"));
        Assert.Equal("ACTIVE", EcsTasks.Str(definition, "status"));
        Assert.Equal($"arn:aws:ecs:us-east-1:{account}:task-definition/web:{revision}", EcsTasks.Str(definition, "taskDefinitionArn"));

        var run = (await Aws.RunAsync(ReadmeCommands[2])).EnsureSuccess();
        Assert.True((run["failures"]?.AsArray() ?? []).Count == 0, $"run-task failures: {run["failures"]?.ToJsonString()}");
        var arns = EcsTasks.Arns(run);
        Assert.Equal(3, arns.Count);
        Assert.All(arns, arn => Assert.Matches($"^arn:aws:ecs:us-east-1:{account}:task/default/[0-9a-f]{{32}}$", arn));
        Assert.All(run["tasks"]!.AsArray(), task =>
        {
            Assert.Equal("RUNNING", EcsTasks.Str(task, "desiredStatus"));
            Assert.Equal($"arn:aws:ecs:us-east-1:{account}:cluster/default", EcsTasks.Str(task, "clusterArn"));
            Assert.Equal(EcsTasks.Str(definition, "taskDefinitionArn"), EcsTasks.Str(task, "taskDefinitionArn"));
        });

        var running = await EcsTasks.WaitForStatusAsync(Aws, "default", arns, "RUNNING");

        var hostnames = new HashSet<string>();
        var ports = new Dictionary<string, int>();
        foreach (var task in running)
        {
            var taskArn = EcsTasks.Str(task, "taskArn")!;
            var port = EcsTasks.HostPort(task!, 80);
            Assert.InRange(port, 1024, 65535);
            ports[taskArn] = port;

            // RUNNING means Docker started the container; its server listens a moment later.
            var page = await Poll.UntilAsync($"{taskArn} to answer on port {port}", () => WebPage.GetAsync(port), p => p.Status == 200,
                EcsTasks.StatusTimeout, p => $"{p.Status} {p.Body}");
            Assert.Equal("hello from wharf", page.Environment["GREETING"]);
            Assert.Equal("stage01", page.Environment["STAGE"]);
            hostnames.Add(page.Hostname);

            var runtimeId = EcsTasks.Str(task!["containers"]![0], "runtimeId");
            Assert.NotNull(runtimeId);
            Assert.Equal(runtimeId[..12], page.Hostname);
            await AssertContainerAsync(runtimeId, taskArn);
        }

        Assert.Equal(3, hostnames.Count);
        Assert.Equal(3, ports.Values.Distinct().Count());

        var stoppedArn = arns[0];
        var stopAnswer = await Aws.EcsOkAsync("stop-task", "--task", stoppedArn);
        Assert.Equal("STOPPED", EcsTasks.Str(stopAnswer["task"], "desiredStatus"));

        var stopped = (await EcsTasks.WaitForStatusAsync(Aws, "default", [stoppedArn], "STOPPED"))[0]!;
        Assert.Equal("UserInitiated", EcsTasks.Str(stopped, "stopCode"));
        // The reason ECS records when StopTask is called without one.
        Assert.Equal("Task stopped by user", EcsTasks.Str(stopped, "stoppedReason"));
        Assert.NotNull(stopped["stoppedAt"]);
        var container = stopped["containers"]![0]!;
        Assert.Equal("STOPPED", EcsTasks.Str(container, "lastStatus"));
        // wharf/web exits 0 on SIGTERM.
        Assert.Equal(0, container["exitCode"]?.GetValue<int>());

        var others = await EcsTasks.DescribeAsync(Aws, "default", arns.Skip(1));
        Assert.All(others, t => Assert.Equal("RUNNING", EcsTasks.Str(t, "lastStatus")));
        var closed = await Poll.UntilAsync(
            "the stopped task's port to stop answering", () => WebPage.GetAsync(ports[stoppedArn]), p => p.Status != 200, EcsTasks.StatusTimeout);
        Assert.NotEqual(200, closed.Status);

        await StopAllAsync(arns.Skip(1).ToList());
    });

    [Fact]
    public Task StopTask_WithReason_DescribeTasksShowsIt() => Scenario(async () =>
    {
        (await Aws.RunAsync(ReadmeCommands[1])).EnsureSuccess();
        var run = await Aws.EcsOkAsync("run-task", "--task-definition", "web");
        Assert.True(EcsTasks.Arns(run).Count == 1, $"run-task: {run.ToJsonString()}");
        var arn = EcsTasks.Arns(run)[0];
        await EcsTasks.WaitForStatusAsync(Aws, "default", [arn], "RUNNING");

        await Aws.EcsOkAsync("stop-task", "--task", arn, "--reason", "walkthrough is over");
        var stopped = (await EcsTasks.WaitForStatusAsync(Aws, "default", [arn], "STOPPED"))[0]!;

        Assert.Equal("walkthrough is over", EcsTasks.Str(stopped, "stoppedReason"));
        Assert.Equal("UserInitiated", EcsTasks.Str(stopped, "stopCode"));
    });

    [Fact]
    public Task AwsProfile_AsTheReadmeShows_ReachesWharf() => Scenario(async () =>
    {
        var folder = Directory.CreateTempSubdirectory("wharf-e2e-profile-").FullName;
        try
        {
            var config = Path.Combine(folder, "config");
            var credentials = Path.Combine(folder, "credentials");
            await File.WriteAllTextAsync(config, ReadmeText.ProfileConfig.Replace(":4566", $":{Wharf.Port}", StringComparison.Ordinal));
            await File.WriteAllTextAsync(credentials, ReadmeText.ProfileCredentials);

            var result = await Aws.RunAsync(
                ["--profile", "wharf", "ecs", "list-clusters"],
                new Dictionary<string, string?>
                {
                    ["AWS_CONFIG_FILE"] = config,
                    ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
                    ["AWS_ACCESS_KEY_ID"] = null,
                    ["AWS_SECRET_ACCESS_KEY"] = null,
                    ["AWS_DEFAULT_REGION"] = null,
                    ["AWS_REGION"] = null,
                },
                withEndpoint: false);

            var clusters = result.EnsureSuccess()["clusterArns"]!.AsArray().Select(a => a!.GetValue<string>());
            Assert.Contains($"arn:aws:ecs:us-east-1:{Wharf.AccountId}:cluster/default", clusters);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    private static async Task AssertContainerAsync(string runtimeId, string taskArn)
    {
        var inspect = await DockerCli.InspectAsync(runtimeId);
        Assert.NotNull(inspect);
        var labels = inspect["Config"]!["Labels"]!;
        Assert.Equal(taskArn, EcsTasks.Str(labels, DockerCli.TaskArnLabel));
        Assert.Equal("web", EcsTasks.Str(labels, "com.example.app"));
        Assert.Equal("stage01", EcsTasks.Str(labels, "com.example.stage"));
        var host = inspect["HostConfig"]!;
        // Container-level memory is the hard limit, cpu the CPU shares (task definition: 64 MiB, 128).
        Assert.Equal(64L * 1024 * 1024, host["Memory"]!.GetValue<long>());
        Assert.Equal(128, host["CpuShares"]!.GetValue<int>());
    }

    private async Task StopAllAsync(IReadOnlyCollection<string> arns)
    {
        foreach (var arn in arns)
        {
            await Aws.EcsOkAsync("stop-task", "--task", arn);
        }

        await EcsTasks.WaitForStatusAsync(Aws, "default", arns, "STOPPED");
    }
}
