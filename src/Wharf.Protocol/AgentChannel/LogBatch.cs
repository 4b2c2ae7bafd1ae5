namespace Wharf.Protocol.AgentChannel;

/// <summary>Container output for one or more log streams.</summary>
public sealed record LogBatch
{
    public required IReadOnlyList<LogStreamBatch> Streams { get; init; }
}

/// <summary>Lines for one stream, oldest first.</summary>
public sealed record LogStreamBatch
{
    /// <summary>The <c>awslogs-group</c>.</summary>
    public required string Group { get; init; }

    /// <summary>The stream, <c>prefix/container-name/task-id</c> as ECS names it.</summary>
    public required string Stream { get; init; }

    /// <summary>The <c>awslogs-create-group</c> option: create the group if it does not exist.</summary>
    public bool CreateGroup { get; init; }

    public IReadOnlyList<LogLine> Events { get; init; } = [];
}

/// <summary>One log event: milliseconds since the epoch (when Docker received the line) and the text, valid UTF-16.</summary>
public sealed record LogLine(long Timestamp, string Message);
