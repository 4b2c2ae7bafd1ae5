using System.Net;

namespace Wharf.Server.CloudMap.Dns;

/// <summary>
/// The DNS servers task containers are given (the agent passes them to Docker for bridge-mode
/// tasks): empty until the embedded DNS server serves containers, or the address configured for a
/// DNS server run apart (<c>wharf dns</c>). Written by <see cref="DnsHostService"/>, read by the task
/// dispatcher from any thread; the list is replaced whole.
/// </summary>
internal sealed class ContainerDnsServers
{
    private IReadOnlyList<string> current = [];

    /// <summary>The addresses, as the agent's task spec carries them.</summary>
    public IReadOnlyList<string> Current => Volatile.Read(ref current);

    public void Set(IPAddress? address) => Volatile.Write(ref current, address is null ? [] : [address.ToString()]);
}
