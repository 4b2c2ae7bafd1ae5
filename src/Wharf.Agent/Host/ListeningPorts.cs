using System.Globalization;

namespace Wharf.Agent.Host;

/// <summary>The TCP ports something listens on, from <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>.</summary>
internal static class ListeningPorts
{
    /// <summary>Ports reserved on every ECS container instance (SSH, the Docker daemon, the ECS agent).</summary>
    public static readonly IReadOnlyList<int> EcsDefaults = [22, 2375, 2376, 51678, 51679];

    /// <summary>The host's listening TCP ports below the ephemeral range, plus the ECS defaults.</summary>
    public static IReadOnlyList<int> Read()
    {
        var ports = new SortedSet<int>(EcsDefaults);
        foreach (var path in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            try
            {
                ports.UnionWith(Parse(File.ReadAllText(path)).Where(p => p < 49153));
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return [.. ports];
    }

    /// <summary>Local ports of sockets in state LISTEN (<c>0A</c>) in one <c>/proc/net/tcp*</c> file.</summary>
    public static IEnumerable<int> Parse(string table)
    {
        foreach (var line in table.Split('\n').Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 3 && fields[3] == "0A")
            {
                var local = fields[1];
                var colon = local.LastIndexOf(':');
                if (colon > 0 && int.TryParse(local[(colon + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
                {
                    yield return port;
                }
            }
        }
    }
}
