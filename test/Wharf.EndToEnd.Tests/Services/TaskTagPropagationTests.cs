using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// <c>propagateTags</c> as the AWS CLI sees it: RunTask copies the task definition's tags (the
/// request's win on a shared key); a REPLICA service copies its task definition's tags, and after
/// <c>update-service --propagate-tags SERVICE --force-new-deployment</c> its new tasks carry the
/// service's tags instead. <c>list-tags-for-resource</c> and <c>describe-tasks --include TAGS</c> agree.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Services")]
public sealed class TaskTagPropagationTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const string Definition = """
        {"family": "tagged-web", "containerDefinitions": [{"name": "web", "image": "wharf/web:1.0", "essential": true,
          "memory": 16, "portMappings": [{"containerPort": 80, "hostPort": 0}]}],
         "tags": [{"key": "owner", "value": "definition"}, {"key": "cost-center", "value": "42"}]}
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public Task PropagateTags_RunTaskAndService_TasksCarryTheSourceTags() => Scenario(async () =>
    {
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition);

        // RunTask: the definition's tags, then the request's.
        var run = await Aws.EcsOkAsync(
            "run-task", "--task-definition", "tagged-web", "--propagate-tags", "TASK_DEFINITION",
            "--tags", "key=owner,value=request", "key=job,value=once");
        var runArn = EcsTasks.Arns(run).Single();
        var expected = new Dictionary<string, string> { ["owner"] = "request", ["cost-center"] = "42", ["job"] = "once" };
        Assert.Equal(expected, await TagsAsync(runArn));
        Assert.Equal(expected, Tags((await DescribeWithTagsAsync([runArn]))[0]!["tags"]));
        await Aws.EcsOkAsync("stop-task", "--task", runArn);

        // A service propagating its task definition's tags.
        await Aws.EcsOkAsync(
            "create-service", "--service-name", "tagged", "--task-definition", "tagged-web", "--desired-count", "2",
            "--propagate-tags", "TASK_DEFINITION", "--tags", "key=owner,value=service", "key=tier,value=front");
        var first = await RunningAsync(tasks => tasks.Count == 2);
        var definitionTags = new Dictionary<string, string> { ["owner"] = "definition", ["cost-center"] = "42" };
        foreach (var task in await DescribeWithTagsAsync(first))
        {
            Assert.Equal(definitionTags, Tags(task!["tags"]));
            Assert.Equal(definitionTags, await TagsAsync(EcsTasks.Str(task, "taskArn")!));
        }

        // Switched to SERVICE: the replacements carry the service's tags.
        var updated = await Aws.EcsOkAsync("update-service", "--service", "tagged", "--propagate-tags", "SERVICE", "--force-new-deployment");
        Assert.Equal("SERVICE", updated["service"]!["propagateTags"]!.GetValue<string>());
        var second = await RunningAsync(tasks => tasks.Count == 2 && !tasks.Intersect(first).Any());
        var serviceTags = new Dictionary<string, string> { ["owner"] = "service", ["tier"] = "front" };
        foreach (var task in await DescribeWithTagsAsync(second))
        {
            Assert.Equal(serviceTags, Tags(task!["tags"]));
            Assert.Equal(serviceTags, await TagsAsync(EcsTasks.Str(task, "taskArn")!));
        }

        await Aws.EcsOkAsync("delete-service", "--service", "tagged", "--force");
    });

    /// <summary>The service's task ARNs once they are all RUNNING and <paramref name="done"/> holds.</summary>
    private async Task<List<string>> RunningAsync(Func<List<string>, bool> done)
    {
        var tasks = await Poll.UntilAsync(
            "the service's tasks",
            async () =>
            {
                var arns = EcsTasks.Arns(await Aws.EcsOkAsync("list-tasks", "--service-name", "tagged"));
                return arns.Count == 0 ? [] : (await EcsTasks.DescribeAsync(Aws, "default", arns)).ToList();
            },
            tasks => tasks.All(t => EcsTasks.Str(t, "lastStatus") == "RUNNING") && done(tasks.Select(t => EcsTasks.Str(t, "taskArn")!).ToList()),
            Timeout,
            tasks => string.Join("\n", tasks.Select(t => t?.ToJsonString())));
        return tasks.Select(t => EcsTasks.Str(t, "taskArn")!).ToList();
    }

    private async Task<JsonArray> DescribeWithTagsAsync(IEnumerable<string> taskArns) =>
        (await Aws.EcsOkAsync(["describe-tasks", "--include", "TAGS", "--tasks", .. taskArns]))["tasks"]!.AsArray();

    private async Task<Dictionary<string, string>> TagsAsync(string resourceArn) =>
        Tags((await Aws.EcsOkAsync("list-tags-for-resource", "--resource-arn", resourceArn))["tags"]);

    private static Dictionary<string, string> Tags(JsonNode? tags) =>
        (tags?.AsArray() ?? []).ToDictionary(t => EcsTasks.Str(t, "key")!, t => EcsTasks.Str(t, "value")!);
}
