namespace Wharf.Protocol.AgentChannel;

/// <summary>The server's answer to a <see cref="LogBatch"/>, one entry per stream in the same order.</summary>
public sealed record LogBatchResult
{
    public required IReadOnlyList<LogStreamResult> Streams { get; init; }
}

/// <summary>What became of one stream's lines.</summary>
public sealed record LogStreamResult
{
    public required string Group { get; init; }

    public required string Stream { get; init; }

    /// <summary>Events stored.</summary>
    public int Accepted { get; init; }

    /// <summary>Events CloudWatch Logs would reject (too old, past retention, too far in the future): dropped.</summary>
    public int Rejected { get; init; }

    /// <summary>When nothing was stored: the CloudWatch Logs error name, e.g. <c>ResourceNotFoundException</c>.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
