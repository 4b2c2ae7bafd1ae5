using System.Globalization;
using System.Net;

namespace Wharf.Server.CloudMap.Dns;

/// <summary>
/// Where the embedded DNS server listens: <c>WHARF_DNS_BIND</c> (default 127.0.0.1, comma-separated
/// for several addresses) and <c>WHARF_DNS_PORT</c> (default 53; 0 or <c>off</c> turns it off).
/// </summary>
internal sealed record DnsHostOptions(IReadOnlyList<IPEndPoint> Endpoints, string ResolvConfPath)
{
    public const int DefaultPort = 53;

    public bool Enabled => Endpoints.Count > 0;

    public static DnsHostOptions FromEnvironment()
    {
        var portText = Environment.GetEnvironmentVariable("WHARF_DNS_PORT");
        var port = string.IsNullOrWhiteSpace(portText) ? DefaultPort
            : portText.Trim() == "off" ? 0
            : int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535 ? p
            : throw new InvalidOperationException($"WHARF_DNS_PORT '{portText}' is not a port number.");
        var binds = (Environment.GetEnvironmentVariable("WHARF_DNS_BIND") ?? "127.0.0.1")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = port == 0 ? [] : binds.Select(b => new IPEndPoint(IPAddress.Parse(b), port)).ToList();
        return new DnsHostOptions(endpoints, Environment.GetEnvironmentVariable("WHARF_DNS_RESOLV_CONF") ?? "/etc/resolv.conf");
    }
}
