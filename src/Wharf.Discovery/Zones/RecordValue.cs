using System.Net;

namespace Wharf.Discovery.Zones;

/// <summary>
/// One instance's value in a record set: an address (A, AAAA), a port and target (SRV) or a
/// canonical name (CNAME), with whether the instance counts as healthy.
/// </summary>
internal sealed record RecordValue(string InstanceId, bool Healthy)
{
    public IPAddress? Address { get; init; }
    public ushort Port { get; init; }
    /// <summary>SRV target or CNAME value, without a trailing dot.</summary>
    public string? Target { get; init; }
}
