using System.Text.Json.Nodes;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>The real <c>docker</c> CLI, to check what Wharf did on the Engine.</summary>
public static class DockerCli
{
    /// <summary>The label the agent puts on every task container (as the ECS agent does).</summary>
    public const string TaskArnLabel = "com.amazonaws.ecs.task-arn";

    /// <summary>Runs <c>docker &lt;args&gt;</c>.</summary>
    public static Task<ProcessResult> RunAsync(params string[] args) =>
        ProcessRunner.RunAsync("docker", args, timeout: TimeSpan.FromMinutes(2));

    /// <summary>Runs <c>docker &lt;args&gt;</c>, throwing unless it succeeds; returns stdout.</summary>
    public static async Task<string> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        return result.Succeeded ? result.StdOut : throw new InvalidOperationException($"docker {string.Join(' ', args)}: {result}");
    }

    /// <summary>Every container, running or not, carrying <see cref="TaskArnLabel"/>.</summary>
    public static async Task<IReadOnlyList<TaskContainer>> TaskContainersAsync()
    {
        var text = await OkAsync(
            "ps", "-a", "--no-trunc", "--filter", $"label={TaskArnLabel}",
            "--format", $"{{{{.ID}}}}\t{{{{.State}}}}\t{{{{.Label \"{TaskArnLabel}\"}}}}");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 3)
            .Select(parts => new TaskContainer(parts[0], parts[1], parts[2]))
            .ToList();
    }

    /// <summary><c>docker inspect</c> of one container or image; null when it does not exist.</summary>
    public static async Task<JsonNode?> InspectAsync(string id)
    {
        var result = await RunAsync("inspect", id);
        return result.Succeeded ? JsonNode.Parse(result.StdOut)?[0] : null;
    }

    /// <summary>Removes containers by id, running or not; missing ones are ignored.</summary>
    public static async Task RemoveAsync(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        if (list.Count > 0)
        {
            await RunAsync(["rm", "-f", "-v", .. list]);
        }
    }
}
