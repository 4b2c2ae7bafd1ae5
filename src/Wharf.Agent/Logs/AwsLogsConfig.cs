using System.Globalization;
using System.Text.Json;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Logs;

/// <summary>
/// A container's <c>awslogs</c> options, resolved to what the shipper needs: group, the ECS
/// stream name (<c>prefix/container-name/task-id</c>, or the container id without a prefix),
/// <c>awslogs-create-group</c>, <c>mode</c> (non-blocking, ECS's default since June 2025, or
/// blocking) and <c>max-buffer-size</c> (default 1m). Stored as a label on the container so a
/// restarted agent ships the same way.
/// </summary>
internal sealed record AwsLogsConfig
{
    /// <summary>The container label carrying this record as JSON.</summary>
    public const string Label = "wharf.awslogs";
    public const long DefaultMaxBufferBytes = 1024 * 1024;

    public required string Group { get; init; }

    /// <summary>The stream name; null when it is the container id (no prefix), known only after create.</summary>
    public string? Stream { get; init; }

    public bool CreateGroup { get; init; }

    public bool Blocking { get; init; }

    public long MaxBufferBytes { get; init; } = DefaultMaxBufferBytes;

    /// <summary>Whether the container has a TTY (its log stream then has no stdout/stderr framing).</summary>
    public bool Tty { get; init; }

    /// <summary>The config of an <c>awslogs</c> container; null for any other driver.</summary>
    public static AwsLogsConfig? From(TaskSpec task, ContainerSpec container)
    {
        if (container.LogConfiguration is not { LogDriver: "awslogs" } log || !log.Options.TryGetValue("awslogs-group", out var group))
        {
            return null;
        }

        var taskId = task.TaskArn[(task.TaskArn.LastIndexOf('/') + 1)..];
        return new AwsLogsConfig
        {
            Group = group,
            Stream = log.Options.TryGetValue("awslogs-stream-prefix", out var prefix) && prefix.Length > 0
                ? $"{prefix}/{container.Name}/{taskId}"
                : null,
            CreateGroup = log.Options.TryGetValue("awslogs-create-group", out var create) && string.Equals(create, "true", StringComparison.OrdinalIgnoreCase),
            Blocking = log.Options.TryGetValue("mode", out var mode) && mode == "blocking",
            MaxBufferBytes = log.Options.TryGetValue("max-buffer-size", out var size) ? ParseSize(size) : DefaultMaxBufferBytes,
            Tty = container.PseudoTerminal,
        };
    }

    /// <summary>Adds the label to a container's labels when it logs with awslogs.</summary>
    public static void AddLabel(IDictionary<string, string> labels, TaskSpec task, ContainerSpec container)
    {
        if (From(task, container) is { } config)
        {
            labels[Label] = JsonSerializer.Serialize(config, AgentChannelJson.Options);
        }
    }

    public static AwsLogsConfig? FromLabels(IReadOnlyDictionary<string, string> labels)
    {
        try
        {
            return labels.TryGetValue(Label, out var json) ? JsonSerializer.Deserialize<AwsLogsConfig>(json, AgentChannelJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string StreamFor(string containerId) => Stream ?? containerId;

    /// <summary>Docker's size syntax: <c>512</c>, <c>64k</c>, <c>25m</c>, <c>1g</c> (binary units).</summary>
    public static long ParseSize(string text)
    {
        var t = text.Trim().ToLowerInvariant().TrimEnd('b', 'i');
        var unit = t.Length > 0 ? t[^1] switch { 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, _ => 1L } : 1L;
        var digits = unit == 1 ? t : t[..^1];
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? (long)(n * unit)
            : DefaultMaxBufferBytes;
    }
}
