using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.BadInput;

/// <summary>
/// Bad input through the real clients: each call fails with the ECS exception name the AWS
/// reference gives, a 4xx, and changes nothing (the clusters, task definitions and tasks
/// listed before and after are the same).
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "BadInput")]
public sealed class ClientErrorTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const string WebContainer =
        "{'name': 'web', 'image': 'wharf/web:latest', 'essential': True, 'portMappings': [{'containerPort': 80, 'hostPort': 0}]";

    /// <summary>
    /// boto3 calls (<c>ecs</c> validates parameters client-side like the CLI; <c>raw_ecs</c> does
    /// not, so malformed input reaches the server). <c>{account}</c> is this instance's account.
    /// </summary>
    [Theory]
    // RunTask count is limited to 10 per call.
    [InlineData("ecs.run_task, taskDefinition='web', count=11", "InvalidParameterException")]
    [InlineData("ecs.run_task, cluster='no-such-cluster', taskDefinition='web'", "ClusterNotFoundException")]
    [InlineData("ecs.run_task, taskDefinition='no-such-family'", "ClientException")]
    [InlineData("raw_ecs.run_task, taskDefinition='web', count='three'", "SerializationException")]
    [InlineData("ecs.list_tasks, cluster='no-such-cluster'", "ClusterNotFoundException")]
    [InlineData("ecs.describe_tasks, cluster='no-such-cluster', tasks=['0123456789abcdef0123456789abcdef']", "ClusterNotFoundException")]
    [InlineData("raw_ecs.describe_tasks, cluster='default'", "InvalidParameterException")]
    [InlineData("ecs.delete_cluster, cluster='no-such-cluster'", "ClusterNotFoundException")]
    // StopTask of a task that does not exist: "The referenced task was not found."
    [InlineData("ecs.stop_task, task='0123456789abcdef0123456789abcdef'", "InvalidParameterException")]
    // ARNs that are not ECS task or resource ARNs.
    [InlineData("ecs.stop_task, task='arn:aws:ecs:us-east-1:{account}:bogus/0123456789abcdef0123456789abcdef'", "InvalidParameterException")]
    [InlineData("ecs.list_tags_for_resource, resourceArn='not-an-arn'", "InvalidParameterException")]
    // DescribeTaskDefinition of an unknown one: "Unable to describe task definition."
    [InlineData("ecs.describe_task_definition, taskDefinition='no-such-family:1'", "ClientException")]
    // Memory rules: the reservation above the hard limit; the task's memory below a container's reservation.
    [InlineData("ecs.register_task_definition, family='bad-memory', containerDefinitions=[" + WebContainer + ", 'memory': 32, 'memoryReservation': 64}]", "ClientException")]
    [InlineData("ecs.register_task_definition, family='bad-memory', memory='32', containerDefinitions=[" + WebContainer + ", 'memoryReservation': 64}]", "ClientException")]
    [InlineData("ecs.register_task_definition, family='bad-memory', containerDefinitions=[{'name': 'web', 'image': 'wharf/web:latest'}]", "ClientException")]
    public Task Boto3Call_BadInput_AwsExceptionAndNoChange(string call, string expectedCode) => Scenario(async () =>
    {
        await EnsureWebTaskDefinitionAsync();
        var snippet = $$"""
            def snapshot():
                return {
                    "clusters": sorted(ecs.list_clusters()["clusterArns"]),
                    "definitions": sorted(ecs.list_task_definitions()["taskDefinitionArns"]),
                    "running": sorted(ecs.list_tasks(cluster="default", desiredStatus="RUNNING")["taskArns"]),
                    "stopped": sorted(ecs.list_tasks(cluster="default", desiredStatus="STOPPED")["taskArns"]),
                }
            before = snapshot()
            result = call({{call.Replace("{account}", Wharf.AccountId, StringComparison.Ordinal)}})
            after = snapshot()
            out({"result": result, "before": before, "after": after})
            """;

        var run = await Aws.Boto3Async(snippet);
        var json = run.EnsureSuccess();
        var result = json["result"]!;

        Assert.True(result["code"]?.GetValue<string>() == expectedCode, $"expected {expectedCode}, got {result.ToJsonString()}");
        Assert.InRange(result["status"]!.GetValue<int>(), 400, 499);
        Assert.False(string.IsNullOrWhiteSpace(result["message"]?.GetValue<string>()), $"no message: {result.ToJsonString()}");
        Assert.Equal(json["before"]!.ToJsonString(), json["after"]!.ToJsonString());
    });

    [Fact]
    public Task AwsCli_CountAboveTen_InvalidParameterAndNoTasks() => Scenario(async () =>
    {
        await EnsureWebTaskDefinitionAsync();

        var result = await Aws.EcsAsync("run-task", "--task-definition", "web", "--count", "11");
        var tasks = await Aws.EcsOkAsync("list-tasks");

        Assert.False(result.Succeeded);
        Assert.Equal("InvalidParameterException", result.ErrorCode);
        Assert.Empty(tasks["taskArns"]!.AsArray());
    });

    [Fact]
    public Task AwsCli_UnknownCluster_ClusterNotFound() => Scenario(async () =>
    {
        var list = await Aws.EcsAsync("list-tasks", "--cluster", "no-such-cluster");
        var describe = await Aws.EcsAsync("describe-tasks", "--cluster", "no-such-cluster", "--tasks", "0123456789abcdef0123456789abcdef");

        Assert.Equal("ClusterNotFoundException", list.ErrorCode);
        Assert.Equal("ClusterNotFoundException", describe.ErrorCode);
    });

    [Fact]
    public Task AwsCli_DescribeUnknownClusterOrTask_FailureMissingNotError() => Scenario(async () =>
    {
        // Describe calls report unknown names in `failures` with reason MISSING instead of failing.
        var clusters = await Aws.EcsOkAsync("describe-clusters", "--clusters", "no-such-cluster");
        var tasks = await Aws.EcsOkAsync("describe-tasks", "--tasks", "0123456789abcdef0123456789abcdef");

        Assert.Empty(clusters["clusters"]!.AsArray());
        var clusterFailure = Assert.Single(clusters["failures"]!.AsArray());
        Assert.Equal($"arn:aws:ecs:us-east-1:{Wharf.AccountId}:cluster/no-such-cluster", EcsTasks.Str(clusterFailure, "arn"));
        Assert.Equal("MISSING", EcsTasks.Str(clusterFailure, "reason"));
        Assert.Empty(tasks["tasks"]!.AsArray());
        var taskFailure = Assert.Single(tasks["failures"]!.AsArray());
        Assert.Equal("MISSING", EcsTasks.Str(taskFailure, "reason"));
    });

    [Fact]
    public Task AwsCli_StopUnknownTask_InvalidParameter() => Scenario(async () =>
    {
        var result = await Aws.EcsAsync("stop-task", "--task", "0123456789abcdef0123456789abcdef");

        Assert.False(result.Succeeded);
        Assert.Equal("InvalidParameterException", result.ErrorCode);
    });

    private async Task EnsureWebTaskDefinitionAsync()
    {
        var families = await Aws.EcsOkAsync("list-task-definition-families", "--family-prefix", "web", "--status", "ACTIVE");
        if (!(families["families"]?.AsArray() ?? new JsonArray()).Any(f => f?.GetValue<string>() == "web"))
        {
            await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", "file://examples/walkthrough/web-taskdef.json");
        }
    }
}
