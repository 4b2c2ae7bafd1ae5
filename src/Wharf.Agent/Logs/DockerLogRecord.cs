namespace Wharf.Agent.Logs;

/// <summary>One record of Docker's log stream: its timestamp (Unix ns), stream (1 stdout, 2 stderr) and raw bytes.</summary>
internal readonly record struct DockerLogRecord(long UnixNanos, byte Stream, ReadOnlyMemory<byte> Content)
{
    /// <summary>A record not ending in a newline is a piece of a longer line (Docker cuts lines at 16 KiB).</summary>
    public bool IsPartial => Content.Length == 0 || Content.Span[^1] != (byte)'\n';
}
