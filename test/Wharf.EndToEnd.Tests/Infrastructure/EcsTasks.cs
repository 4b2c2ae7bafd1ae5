using System.Text.Json.Nodes;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>ECS task helpers over <c>aws ecs describe-tasks</c> output.</summary>
public static class EcsTasks
{
    /// <summary>How long a task may take to reach RUNNING or STOPPED.</summary>
    public static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(60);

    /// <summary><c>aws ecs describe-tasks</c> of <paramref name="taskArns"/>; returns the <c>tasks</c> array.</summary>
    public static async Task<JsonArray> DescribeAsync(AwsCli aws, string cluster, IEnumerable<string> taskArns)
    {
        var json = await aws.EcsOkAsync(["describe-tasks", "--cluster", cluster, "--tasks", .. taskArns]);
        return json["tasks"]?.AsArray() ?? [];
    }

    /// <summary>Polls describe-tasks until every one of <paramref name="taskArns"/> has <c>lastStatus</c> <paramref name="status"/>.</summary>
    public static Task<JsonArray> WaitForStatusAsync(AwsCli aws, string cluster, IReadOnlyCollection<string> taskArns, string status) =>
        Poll.UntilAsync(
            $"tasks {string.Join(", ", taskArns.Select(Id))} to be {status}",
            () => DescribeAsync(aws, cluster, taskArns),
            tasks => tasks.Count == taskArns.Count && tasks.All(t => Str(t, "lastStatus") == status),
            StatusTimeout,
            tasks => tasks.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    /// <summary>The host port bound to <paramref name="containerPort"/> in the task's first container with a binding.</summary>
    public static int HostPort(JsonNode task, int containerPort)
    {
        var binding = (task["containers"]?.AsArray() ?? [])
            .SelectMany(c => c?["networkBindings"]?.AsArray() ?? [])
            .FirstOrDefault(b => b?["containerPort"]?.GetValue<int>() == containerPort);
        return binding?["hostPort"]?.GetValue<int>()
            ?? throw new InvalidOperationException($"No network binding for container port {containerPort} in {task.ToJsonString()}");
    }

    /// <summary>A string property, or null.</summary>
    public static string? Str(JsonNode? node, string name) => node?[name]?.GetValue<string>();

    /// <summary>The id at the end of a task ARN.</summary>
    public static string Id(string taskArn) => taskArn[(taskArn.LastIndexOf('/') + 1)..];

    /// <summary>The task ARNs in a run-task or list-tasks answer.</summary>
    public static IReadOnlyList<string> Arns(JsonNode json) =>
        json["tasks"] is JsonArray tasks
            ? tasks.Select(t => Str(t, "taskArn")!).ToList()
            : (json["taskArns"]?.AsArray() ?? []).Select(a => a!.GetValue<string>()).ToList();
}
