namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Everything one Wharf instance printed, across restarts: appended to a file as it comes and
/// kept in memory (the last lines) to print when a test fails. Thread-safe: stdout and stderr
/// callbacks write concurrently.
/// </summary>
public sealed class WharfLog : IDisposable
{
    private const int KeptLines = 400;
    private readonly Lock gate = new();
    private readonly Queue<string> tail = new();
    private readonly StreamWriter writer;

    public WharfLog(string path)
    {
        Path = path;
        writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public string Path { get; }

    public void Write(string line)
    {
        lock (gate)
        {
            writer.WriteLine(line);
            tail.Enqueue(line);
            while (tail.Count > KeptLines)
            {
                tail.Dequeue();
            }
        }
    }

    /// <summary>The last lines written, oldest first.</summary>
    public string Tail()
    {
        lock (gate)
        {
            return string.Join('\n', tail);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            writer.Dispose();
        }
    }
}
