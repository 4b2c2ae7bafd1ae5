namespace Wharf.Protocol.AgentChannel;

/// <summary>
/// Agent → server, every few seconds while tasks run: what each task's containers used since the
/// previous batch, from Docker stats. Not acked: a batch lost with a connection is a gap in the
/// metrics, as a missed CloudWatch datapoint is.
/// </summary>
public sealed record ContainerStatsBatch
{
    /// <summary>The <see cref="AgentMessage.Type"/> of this message.</summary>
    public const string MessageType = "stats";

    /// <summary>When the agent sampled (its own clock).</summary>
    public required DateTimeOffset SampledAt { get; init; }

    public required IReadOnlyList<TaskStats> Tasks { get; init; }
}

/// <summary>One task's containers' usage.</summary>
public sealed record TaskStats
{
    public required string TaskArn { get; init; }

    public required IReadOnlyList<ContainerStats> Containers { get; init; }
}

/// <summary>One container's usage over the sampling interval.</summary>
public sealed record ContainerStats
{
    public required string Name { get; init; }

    /// <summary>CPU used, in CPU units (1024 per core), averaged over the interval.</summary>
    public required double CpuUnits { get; init; }

    /// <summary>Memory in use (without page cache), in MiB.</summary>
    public required double MemoryMiB { get; init; }
}
