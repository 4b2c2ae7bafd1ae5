using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Logs;

/// <summary>
/// A task whose container logs with the <c>awslogs</c> driver: its stdout and stderr reach
/// CloudWatch Logs under <c>prefix/container/task-id</c>, readable with <c>aws logs
/// get-log-events</c>, <c>filter-log-events</c> and (the AWS CLI v2's) <c>aws logs tail</c>,
/// including <c>--follow</c>; bad names and tokens get CloudWatch Logs' errors; and a crash of
/// <c>wharf up</c> in the middle of the output loses no line.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Logs")]
public sealed class AwsLogsTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const string AwsCliV2 = "/usr/bin/aws";
    private static readonly TimeSpan ShipTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public Task AwsLogsTask_Output_ReadableWithGetFilterAndTail() => Scenario(async () =>
    {
        const string group = "/wharf/e2e/printer";
        const string script =
            "for i in $(seq 1 50); do echo line-$i; done; echo 'oops ERROR failure' >&2; " +
            "while true; do if [ -f /tmp/go ]; then echo late-line; rm /tmp/go; fi; sleep 0.2; done";
        var (taskArn, runtimeId) = await RunAsync("logs-printer", group, script);
        var stream = $"app/printer/{EcsTasks.Id(taskArn)}";

        var events = await Poll.UntilAsync("51 events in " + stream,
            () => GetEventsAsync(group, stream), e => e.Count >= 51, ShipTimeout, e => string.Join('\n', e));
        // Ordered by Docker's timestamps: stdout in order; stderr has its own copier, so where its line falls is Docker's call.
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"line-{i}"), events.Where(e => e.StartsWith("line-", StringComparison.Ordinal)));
        Assert.Contains("oops ERROR failure", events);
        Assert.Equal(51, events.Count);

        var streams = await LogsOkAsync("describe-log-streams", "--log-group-name", group);
        Assert.Equal(stream, streams["logStreams"]![0]!["logStreamName"]!.GetValue<string>());

        Assert.Equal(["oops ERROR failure"], await FilterAsync(group, "ERROR"));
        Assert.Equal(["line-7", "line-8"], await FilterAsync(group, "?line-7 ?line-8"));
        Assert.Equal(["oops ERROR failure"], await FilterAsync(group, "-line", asOneArgument: true));
        Assert.Equal(["oops ERROR failure"], await FilterAsync(group, "\"oops ERROR\""));
        Assert.Empty(await FilterAsync(group, "\"ERROR oops\""));

        // Paging with limit and the forward token reads each event once.
        var page = await LogsOkAsync("get-log-events", "--log-group-name", group, "--log-stream-name", stream, "--start-from-head", "--limit", "20");
        Assert.Equal(20, page["events"]!.AsArray().Count);
        var next = await LogsOkAsync("get-log-events", "--log-group-name", group, "--log-stream-name", stream,
            "--next-token", page["nextForwardToken"]!.GetValue<string>(), "--limit", "20");
        // The stderr line may fall anywhere among the first pages (its own copier's timestamps), so the
        // expectation is the 21st event of the whole stream, not a fixed line.
        Assert.Equal(events[20], next["events"]![0]!["message"]!.GetValue<string>());

        await EnsureAwsCliV2Async();
        var tail = await ProcessRunner.RunAsync(AwsCliV2, [.. EndpointArgs(), "logs", "tail", group, "--since", "1h"], Aws.Environment(),
            timeout: TimeSpan.FromMinutes(1));
        Assert.True(tail.Succeeded, tail.ToString());
        Assert.Contains($"{stream} line-50", tail.StdOut, StringComparison.Ordinal);
        Assert.Contains($"{stream} oops ERROR failure", tail.StdOut, StringComparison.Ordinal);

        // tail --follow shows a line printed after it started.
        var follow = Task.Run(async () =>
        {
            try
            {
                // The CLI does not flush while following: unbuffered, so what it printed survives it being stopped.
                await ProcessRunner.RunAsync(AwsCliV2, [.. EndpointArgs(), "logs", "tail", group, "--follow", "--since", "1h"],
                    Aws.Environment(new Dictionary<string, string?> { ["PYTHONUNBUFFERED"] = "1" }), timeout: TimeSpan.FromSeconds(75));
                return "tail --follow ended on its own";
            }
            catch (TimeoutException stopped)
            {
                return stopped.Message;
            }
        });
        // Let it start and print the backlog first (it polls every 5 s), so the next line can only come from following.
        await Task.Delay(TimeSpan.FromSeconds(20));
        await DockerCli.OkAsync("exec", runtimeId, "touch", "/tmp/go");
        var followed = await follow;
        Assert.Contains($"{stream} line-1", followed, StringComparison.Ordinal);
        Assert.Contains($"{stream} late-line", followed, StringComparison.Ordinal);

        await Aws.EcsOkAsync("stop-task", "--task", taskArn);
    });

    [Fact]
    public Task BadInput_UnknownGroupStreamOrToken_CloudWatchLogsErrors() => Scenario(async () =>
    {
        var missingGroup = await Aws.RunAsync("logs", "get-log-events", "--log-group-name", "/no/such/group", "--log-stream-name", "s");
        Assert.Equal("ResourceNotFoundException", missingGroup.ErrorCode);
        Assert.Contains("The specified log group does not exist.", missingGroup.StdErr, StringComparison.Ordinal);

        await LogsOkAsync("create-log-group", "--log-group-name", "/wharf/e2e/bad");
        var again = await Aws.RunAsync("logs", "create-log-group", "--log-group-name", "/wharf/e2e/bad");
        Assert.Equal("ResourceAlreadyExistsException", again.ErrorCode);

        var missingStream = await Aws.RunAsync("logs", "get-log-events", "--log-group-name", "/wharf/e2e/bad", "--log-stream-name", "nope");
        Assert.Equal("ResourceNotFoundException", missingStream.ErrorCode);
        Assert.Contains("The specified log stream does not exist.", missingStream.StdErr, StringComparison.Ordinal);

        await LogsOkAsync("create-log-stream", "--log-group-name", "/wharf/e2e/bad", "--log-stream-name", "s1");
        var badToken = await Aws.RunAsync("logs", "get-log-events", "--log-group-name", "/wharf/e2e/bad", "--log-stream-name", "s1", "--next-token", "f/garbage");
        Assert.Equal("InvalidParameterException", badToken.ErrorCode);
        var badFilterToken = await Aws.RunAsync("logs", "filter-log-events", "--log-group-name", "/wharf/e2e/bad", "--next-token", "garbage");
        Assert.Equal("InvalidParameterException", badFilterToken.ErrorCode);

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var unordered = await Aws.RunAsync("logs", "put-log-events", "--log-group-name", "/wharf/e2e/bad", "--log-stream-name", "s1",
            "--log-events", $"timestamp={now},message=b", $"timestamp={now - 1000},message=a");
        Assert.Equal("InvalidParameterException", unordered.ErrorCode);
        var badRetention = await Aws.RunAsync("logs", "put-retention-policy", "--log-group-name", "/wharf/e2e/bad", "--retention-in-days", "4");
        Assert.Equal("InvalidParameterException", badRetention.ErrorCode);

        // Nothing changed by the refused calls; an old event is reported, not stored.
        var old = now - (long)TimeSpan.FromDays(20).TotalMilliseconds;
        var put = await LogsOkAsync("put-log-events", "--log-group-name", "/wharf/e2e/bad", "--log-stream-name", "s1",
            "--log-events", $"timestamp={old},message=ancient", $"timestamp={now},message=fresh");
        Assert.Equal(1, put["rejectedLogEventsInfo"]!["tooOldLogEventEndIndex"]!.GetValue<int>());
        Assert.Equal(["fresh"], await GetEventsAsync("/wharf/e2e/bad", "s1"));
    });

    [Fact]
    public Task MissingGroupWithoutCreateGroup_ContainerCannotStart() => Scenario(async () =>
    {
        var definition = Definition("logs-nogroup", "/wharf/e2e/never-created", "echo hi; sleep 3600", createGroup: false);
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", definition.ToJsonString());
        var arn = EcsTasks.Arns(await Aws.EcsOkAsync("run-task", "--task-definition", "logs-nogroup"))[0];
        var stopped = (await EcsTasks.WaitForStatusAsync(Aws, "default", [arn], "STOPPED"))[0]!;
        Assert.Equal(
            "CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.",
            EcsTasks.Str(stopped["containers"]![0], "reason"));
        Assert.Equal("TaskFailedToStart", EcsTasks.Str(stopped, "stopCode"));
        var groups = await LogsOkAsync("describe-log-groups", "--log-group-name-prefix", "/wharf/e2e/never-created");
        Assert.Empty(groups["logGroups"]!.AsArray());
    });

    [Fact]
    public Task WharfCrash_MidStream_NoLineLost() => Scenario(async () =>
    {
        const string group = "/wharf/e2e/ticker";
        const string script = "i=1; while [ $i -le 150 ]; do echo tick-$i; i=$((i+1)); sleep 0.1; done; sleep 3600";
        var (taskArn, _) = await RunAsync("logs-ticker", group, script);
        var stream = $"app/printer/{EcsTasks.Id(taskArn)}";
        await Poll.UntilAsync("the first ticks shipped", () => GetEventsAsync(group, stream), e => e.Count >= 10, ShipTimeout, e => string.Join('\n', e));

        await Wharf.StopAsync(crash: true);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await Wharf.StartAsync();

        var events = await Poll.UntilAsync("all 150 ticks", () => GetEventsAsync(group, stream),
            e => e.Distinct().Count() >= 150, ShipTimeout, e => string.Join('\n', e));
        Assert.Equal(Enumerable.Range(1, 150).Select(i => $"tick-{i}"), events.Distinct());
        await Aws.EcsOkAsync("stop-task", "--task", taskArn);
    });

    private async Task<(string TaskArn, string RuntimeId)> RunAsync(string family, string group, string script)
    {
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition(family, group, script, createGroup: true).ToJsonString());
        var arn = EcsTasks.Arns(await Aws.EcsOkAsync("run-task", "--task-definition", family))[0];
        var running = await EcsTasks.WaitForStatusAsync(Aws, "default", [arn], "RUNNING");
        return (arn, EcsTasks.Str(running[0]!["containers"]![0], "runtimeId")!);
    }

    private static JsonObject Definition(string family, string group, string script, bool createGroup) =>
        new JsonObject
        {
            ["family"] = family,
            ["containerDefinitions"] = new JsonArray(new JsonObject
            {
                ["name"] = "printer",
                ["image"] = "wharf/busybox:latest",
                ["essential"] = true,
                ["memory"] = 16,
                ["command"] = new JsonArray("sh", "-c", script),
                ["logConfiguration"] = new JsonObject
                {
                    ["logDriver"] = "awslogs",
                    ["options"] = new JsonObject
                    {
                        ["awslogs-group"] = group,
                        ["awslogs-region"] = "us-east-1",
                        ["awslogs-stream-prefix"] = "app",
                        ["awslogs-create-group"] = createGroup ? "true" : "false",
                    },
                },
            }),
        };

    private async Task<List<string>> GetEventsAsync(string group, string stream)
    {
        var result = await Aws.RunAsync("logs", "get-log-events", "--log-group-name", group, "--log-stream-name", stream, "--start-from-head");
        return result.Succeeded
            ? [.. result.Json!["events"]!.AsArray().Select(e => e!["message"]!.GetValue<string>())]
            : [];
    }

    /// <summary>A pattern starting with '-' must be glued to its option, or the CLI reads it as an option.</summary>
    private async Task<List<string>> FilterAsync(string group, string pattern, bool asOneArgument = false)
    {
        string[] args = asOneArgument
            ? ["filter-log-events", "--log-group-name", group, $"--filter-pattern={pattern}"]
            : ["filter-log-events", "--log-group-name", group, "--filter-pattern", pattern];
        return [.. (await LogsOkAsync(args))["events"]!.AsArray().Select(e => e!["message"]!.GetValue<string>())];
    }

    private async Task<JsonNode> LogsOkAsync(params string[] args) => (await Aws.RunAsync(["logs", .. args])).EnsureSuccess();

    /// <summary><c>aws logs tail</c> exists only in the AWS CLI v2: Debian's <c>awscli</c> package, installed when missing.</summary>
    private static async Task EnsureAwsCliV2Async()
    {
        if (File.Exists(AwsCliV2))
        {
            return;
        }

        await ProcessRunner.RunAsync("apt-get", ["install", "-y", "-q", "awscli"],
            new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" }, timeout: TimeSpan.FromMinutes(10));
    }

    private string[] EndpointArgs() => ["--endpoint-url", Aws.Endpoint.ToString().TrimEnd('/'), "--region", AwsCli.Region, "--output", "json"];
}
