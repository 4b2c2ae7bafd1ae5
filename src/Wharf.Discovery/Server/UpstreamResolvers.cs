using System.Net;

namespace Wharf.Discovery.Server;

/// <summary>Reads the host's resolvers from <c>/etc/resolv.conf</c> (its <c>nameserver</c> lines).</summary>
public static class UpstreamResolvers
{
    /// <summary>The addresses of <paramref name="resolvConf"/>'s nameserver lines; empty when there are none.</summary>
    public static IReadOnlyList<IPAddress> Parse(string resolvConf)
    {
        var result = new List<IPAddress>();
        foreach (var raw in resolvConf.Split('\n'))
        {
            var line = raw.Trim();
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == "nameserver" && IPAddress.TryParse(parts[1].Split('%')[0], out var address))
            {
                result.Add(address);
            }
        }

        return result;
    }

    /// <summary>The host's resolvers, read now.</summary>
    public static async Task<IReadOnlyList<IPAddress>> ReadAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? Parse(await File.ReadAllTextAsync(path, cancellationToken)) : [];
}
