using System.Globalization;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Discovery;

/// <summary>
/// <c>wharf up</c> with its DNS server on a free high port (<c>WHARF_DNS_PORT</c>), for the service
/// discovery tests; otherwise a <see cref="WharfFixture"/> (own data directory, home and account, and
/// its task containers removed at the end). Installs <c>dig</c> (Debian's dnsutils) when the machine lacks it.
/// </summary>
public sealed class DiscoveryFixture : WharfFixture
{
    public DiscoveryFixture()
        : this(FreePorts.TcpAndUdp())
    {
    }

    private DiscoveryFixture(int dnsPort)
        : base(new Dictionary<string, string?> { ["WHARF_DNS_PORT"] = dnsPort.ToString(CultureInfo.InvariantCulture) })
    {
        DnsPort = dnsPort;
    }

    public int DnsPort { get; }

    /// <summary><c>dig @127.0.0.1 -p DNSPORT &lt;args&gt;</c> (callers add +short where they want it).</summary>
    public async Task<ProcessResult> DigAsync(params string[] args)
    {
        await EnsureDigAsync();
        return await ProcessRunner.RunAsync("dig", ["@127.0.0.1", "-p", DnsPort.ToString(CultureInfo.InvariantCulture), "+time=2", "+tries=1", .. args],
            timeout: TimeSpan.FromSeconds(20));
    }

    private static async Task EnsureDigAsync()
    {
        if (File.Exists("/usr/bin/dig"))
        {
            return;
        }

        await ProcessRunner.RunAsync("apt-get", ["install", "-y", "-q", "dnsutils"],
            new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" }, timeout: TimeSpan.FromMinutes(5));
    }
}
