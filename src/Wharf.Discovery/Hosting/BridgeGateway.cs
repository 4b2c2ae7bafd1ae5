using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;

namespace Wharf.Discovery.Hosting;

/// <summary>
/// Finds the Docker default bridge's gateway: the host's address on the bridge that task containers
/// in bridge mode reach the host at. Asks the Docker Engine API for the <c>bridge</c> network (its
/// IPAM gateway, else the address of the Linux bridge it names, <c>docker0</c> by default); without
/// an answer from Docker, uses <c>docker0</c>'s address. Every call to Docker has a timeout.
/// </summary>
public static class BridgeGateway
{
    /// <summary>The Linux bridge Docker creates for its default network unless configured otherwise.</summary>
    public const string DefaultBridgeName = "docker0";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The gateway, or null when neither Docker nor the host knows one.</summary>
    /// <param name="dockerEndpoint"><c>unix:///var/run/docker.sock</c>, <c>tcp://host:port</c> or <c>http://host:port</c>.</param>
    /// <param name="cancellationToken">Stops the lookup.</param>
    public static async Task<IPAddress?> DetectAsync(string dockerEndpoint, CancellationToken cancellationToken)
    {
        string? json = null;
        try
        {
            json = await GetBridgeNetworkAsync(dockerEndpoint, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException or TaskCanceledException or UriFormatException)
        {
            // Docker is not answering (yet): the bridge's usual name is the best guess.
        }

        return json is null ? InterfaceAddress(DefaultBridgeName) : FromNetwork(json, InterfaceAddress);
    }

    /// <summary>
    /// The gateway in a <c>GET /networks/bridge</c> answer: the first IPv4 IPAM gateway, else the
    /// IPv4 address of the Linux bridge named in its options (or <c>docker0</c>). Pure but for the lookup.
    /// </summary>
    internal static IPAddress? FromNetwork(string json, Func<string, IPAddress?> interfaceAddress)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("IPAM", out var ipam) && ipam.TryGetProperty("Config", out var configs) && configs.ValueKind == JsonValueKind.Array)
        {
            foreach (var config in configs.EnumerateArray())
            {
                if (config.TryGetProperty("Gateway", out var gateway) && gateway.ValueKind == JsonValueKind.String
                    && IPAddress.TryParse(gateway.GetString(), out var address) && address.AddressFamily == AddressFamily.InterNetwork)
                {
                    return address;
                }
            }
        }

        var bridge = root.TryGetProperty("Options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("com.docker.network.bridge.name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()!
            : DefaultBridgeName;
        return interfaceAddress(bridge);
    }

    /// <summary>The first IPv4 address of the network interface <paramref name="name"/>, or null.</summary>
    internal static IPAddress? InterfaceAddress(string name)
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.Name == name)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(u => u.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }

    private static async Task<string?> GetBridgeNetworkAsync(string dockerEndpoint, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(dockerEndpoint);
        using var handler = new SocketsHttpHandler();
        Uri baseAddress;
        if (endpoint.Scheme == "unix")
        {
            var path = endpoint.LocalPath;
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            baseAddress = new Uri("http://docker");
        }
        else
        {
            baseAddress = new UriBuilder(endpoint) { Scheme = "http", Path = "/" }.Uri;
        }

        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout };
        using var response = await http.GetAsync(new Uri("/networks/bridge", UriKind.Relative), cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(cancellationToken) : null;
    }
}
