using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Discovery;

/// <summary>
/// <c>wharf up</c> whose DNS server also serves task containers on the Docker bridge gateway's port
/// 53 (<c>WHARF_DNS_CONTAINER_ADDRESS=auto</c>), with its loopback listener on a free high port for
/// <c>dig</c>. Only one process on the host can own the gateway's port 53, so the classes using this
/// fixture share the <see cref="ContainerDnsCollection"/> (they run one after the other), every
/// other fixture turns container DNS off, and when something else holds the gateway's port 53 (a
/// <c>wharf up</c> started by hand) the fixture gives another address of this host instead.
/// </summary>
public sealed partial class ContainerDnsFixture : WharfFixture
{
    public ContainerDnsFixture()
        : this(FreePorts.TcpAndUdp())
    {
    }

    private ContainerDnsFixture(int dnsPort)
        : base(new Dictionary<string, string?>
        {
            ["WHARF_DNS_PORT"] = dnsPort.ToString(CultureInfo.InvariantCulture),
            ["WHARF_DNS_CONTAINER_ADDRESS"] = ContainerAddress(),
        })
    {
        DnsPort = dnsPort;
    }

    public int DnsPort { get; }

    /// <summary>
    /// The address task containers resolve through, once the server says it serves there; fails at
    /// once, saying why, when it could not bind it (another process owns the gateway's port 53).
    /// </summary>
    public async Task<string> ContainerDnsAddressAsync()
    {
        var log = await Poll.UntilAsync("the DNS server to serve task containers", () => Task.FromResult(ReadLog()),
            l => ReadyPattern().IsMatch(l) || l.Contains("for task containers", StringComparison.Ordinal) || l.Contains("No Docker bridge gateway", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), _ => Describe());
        var ready = ReadyPattern().Match(log);
        return ready.Success
            ? ready.Groups[1].Value
            : throw new InvalidOperationException($"This Wharf could not serve DNS to task containers (is another process on the bridge gateway's port 53? `ss -lunp | grep :53`).\n{Describe()}");
    }

    /// <summary><c>dig @127.0.0.1 -p DNSPORT &lt;args&gt;</c>.</summary>
    public Task<ProcessResult> DigAsync(params string[] args) =>
        ProcessRunner.RunAsync("dig", ["@127.0.0.1", "-p", DnsPort.ToString(CultureInfo.InvariantCulture), "+time=2", "+tries=1", .. args],
            timeout: TimeSpan.FromSeconds(20));

    private string ReadLog()
    {
        using var stream = new FileStream(Log.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// <c>auto</c> (the bridge gateway) when its port 53 is free now; else (a <c>wharf up</c> started
    /// by hand owns it) another address of this host containers reach, whose port 53 is free.
    /// </summary>
    private static string ContainerAddress()
    {
        var addresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .OrderBy(n => n.Name == "docker0" ? 0 : 1)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(u => (n.Name, u.Address)))
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a.Address));
        foreach (var (name, address) in addresses)
        {
            try
            {
                using var udp = new UdpClient(new IPEndPoint(address, 53));
                return name == "docker0" ? "auto" : address.ToString();
            }
            catch (SocketException)
            {
            }
        }

        return "auto";
    }

    [GeneratedRegex(@"resolve through the DNS server at ([0-9.]+):53")]
    private static partial Regex ReadyPattern();
}
