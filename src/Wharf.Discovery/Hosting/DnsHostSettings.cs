using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Wharf.Discovery.Hosting;

/// <summary>
/// Where the DNS server listens. <c>WHARF_DNS_BIND</c> (default 127.0.0.1, comma-separated) and
/// <c>WHARF_DNS_PORT</c> (default 53; 0 or <c>off</c> turns the server off) for the host;
/// <c>WHARF_DNS_CONTAINER_ADDRESS</c> for task containers: <c>auto</c> (the default: the Docker
/// default bridge's gateway), an IPv4 address of this host containers reach, or <c>off</c>. The
/// container listener is always on port 53, the only port Docker lets a container's resolver use.
/// </summary>
public sealed record DnsHostSettings
{
    /// <summary>The DNS port, for the host's listeners by default and for the container listener always.</summary>
    public const int DefaultPort = 53;

    /// <summary>Where the server listens for this host's askers; empty when it is off.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; init; } = [];

    /// <summary>Whether task containers are given a DNS server.</summary>
    public bool ContainerDns { get; init; } = true;

    /// <summary>The address containers are given; null to use the Docker default bridge's gateway.</summary>
    public IPAddress? ContainerAddress { get; init; }

    /// <summary>Where the bridge gateway is asked for.</summary>
    public string DockerEndpoint { get; init; } = "unix:///var/run/docker.sock";

    /// <summary>The host's resolver configuration; other names are forwarded to its name servers.</summary>
    public string ResolvConfPath { get; init; } = "/etc/resolv.conf";

    /// <summary>How often the store is reread without a change event.</summary>
    public TimeSpan Resync { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the server listens at all.</summary>
    public bool Enabled => Endpoints.Count > 0;

    /// <summary>The settings from <c>WHARF_DNS_*</c>, <c>DOCKER_HOST</c> and <c>WHARF_DNS_RESOLV_CONF</c>.</summary>
    public static DnsHostSettings FromEnvironment() => Parse(
        Environment.GetEnvironmentVariable("WHARF_DNS_PORT"),
        Environment.GetEnvironmentVariable("WHARF_DNS_BIND"),
        Environment.GetEnvironmentVariable("WHARF_DNS_CONTAINER_ADDRESS"),
        Environment.GetEnvironmentVariable("DOCKER_HOST"),
        Environment.GetEnvironmentVariable("WHARF_DNS_RESOLV_CONF"));

    /// <summary>Parses the settings' text forms (null or blank: the default).</summary>
    /// <exception cref="ArgumentException">A value that is not a port, an address list or a container address.</exception>
    public static DnsHostSettings Parse(string? port, string? bind, string? containerAddress, string? dockerEndpoint = null, string? resolvConf = null)
    {
        var portNumber = string.IsNullOrWhiteSpace(port) ? DefaultPort
            : port.Trim() == "off" ? 0
            : int.TryParse(port.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535 ? p
            : throw new ArgumentException($"WHARF_DNS_PORT '{port}' is not a port number (or off).");
        var addresses = (string.IsNullOrWhiteSpace(bind) ? "127.0.0.1" : bind)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(b => IPAddress.TryParse(b, out var a) ? a : throw new ArgumentException($"WHARF_DNS_BIND '{b}' is not an IP address."))
            .ToList();
        var container = string.IsNullOrWhiteSpace(containerAddress) ? "auto" : containerAddress.Trim();
        IPAddress? fixedAddress = null;
        if (container is not ("auto" or "off")
            && (!IPAddress.TryParse(container, out fixedAddress) || fixedAddress.AddressFamily != AddressFamily.InterNetwork
                || IPAddress.IsLoopback(fixedAddress) || fixedAddress.Equals(IPAddress.Any)))
        {
            throw new ArgumentException(
                $"WHARF_DNS_CONTAINER_ADDRESS '{containerAddress}' must be auto, off or an IPv4 address of this host that containers reach (not loopback or 0.0.0.0).");
        }

        return new DnsHostSettings
        {
            Endpoints = portNumber == 0 ? [] : addresses.Select(a => new IPEndPoint(a, portNumber)).ToList(),
            ContainerDns = container != "off",
            ContainerAddress = fixedAddress,
            DockerEndpoint = string.IsNullOrWhiteSpace(dockerEndpoint) ? "unix:///var/run/docker.sock" : dockerEndpoint.Trim(),
            ResolvConfPath = string.IsNullOrWhiteSpace(resolvConf) ? "/etc/resolv.conf" : resolvConf,
        };
    }
}
