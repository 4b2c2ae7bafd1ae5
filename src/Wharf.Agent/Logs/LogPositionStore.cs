using System.Text.Json;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Logs;

/// <summary>
/// One small JSON file per followed container under <c>&lt;state-dir&gt;/logs</c>, written after
/// the server acknowledged the lines up to it (write to a temporary file, flush, rename), so a
/// restarted agent resumes where the server's copy ends: no line lost, at most a batch repeated.
/// </summary>
internal sealed class LogPositionStore(string stateDirectory)
{
    private readonly string _directory = Path.Combine(stateDirectory, "logs");

    public LogPosition Load(string containerId)
    {
        try
        {
            var text = File.ReadAllText(PathOf(containerId));
            return JsonSerializer.Deserialize<LogPosition>(text, AgentChannelJson.Options) ?? LogPosition.Start;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return LogPosition.Start;
        }
    }

    public void Save(string containerId, LogPosition position)
    {
        Directory.CreateDirectory(_directory);
        var path = PathOf(containerId);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, position, AgentChannelJson.Options);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The containers with a saved position.</summary>
    public IReadOnlyList<string> Known() =>
        Directory.Exists(_directory)
            ? [.. Directory.EnumerateFiles(_directory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f))]
            : [];

    public void Delete(string containerId) => File.Delete(PathOf(containerId));

    private string PathOf(string containerId) =>
        Path.Combine(_directory, (containerId.All(char.IsAsciiLetterOrDigit) ? containerId : throw new ArgumentException("Bad container id.", nameof(containerId))) + ".json");
}
