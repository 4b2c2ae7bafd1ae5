using Wharf.Discovery.Hosting;

namespace Wharf.Server.CloudMap.Dns;

/// <summary>
/// The embedded DNS server's settings (<c>WHARF_DNS_PORT</c>, <c>WHARF_DNS_BIND</c>,
/// <c>WHARF_DNS_CONTAINER_ADDRESS</c>; see <see cref="DnsHostSettings"/>).
/// </summary>
internal sealed record DnsHostOptions(DnsHostSettings Settings)
{
    public static DnsHostOptions FromEnvironment() => new(DnsHostSettings.FromEnvironment());
}
