namespace Wharf.Discovery.Zones;

/// <summary>
/// Everything the DNS server answers from, built whole from the registrations and swapped atomically:
/// readers never see a half-built state. Immutable.
/// </summary>
internal sealed class ZoneSnapshot(IReadOnlyDictionary<string, Zone> zones, uint serial, IReadOnlySet<string>? balancers = null)
{
    public static ZoneSnapshot Empty { get; } = new(new Dictionary<string, Zone>(), 1);

    public IReadOnlyDictionary<string, Zone> Zones { get; } = zones;

    /// <summary>The SOA serial: grows with every rebuild.</summary>
    public uint Serial { get; } = serial;

    /// <summary>The load balancers' DNS names (lowercase, no trailing dot), answered with where their listeners are reachable.</summary>
    public IReadOnlySet<string> Balancers { get; } = balancers ?? new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The zone <paramref name="name"/> falls in (the longest apex that is a suffix), or null.</summary>
    public Zone? FindZone(string name)
    {
        var candidate = name;
        while (true)
        {
            if (Zones.TryGetValue(candidate, out var zone))
            {
                return zone;
            }

            var dot = candidate.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                return null;
            }

            candidate = candidate[(dot + 1)..];
        }
    }
}
