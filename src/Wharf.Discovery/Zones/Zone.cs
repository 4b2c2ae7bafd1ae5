namespace Wharf.Discovery.Zones;

/// <summary>
/// One namespace as the DNS server serves it: the apex with its SOA TTL and every name under it with
/// its record sets. Names are lowercase and carry no trailing dot. Immutable.
/// </summary>
internal sealed class Zone(string apex, int soaTtl, IReadOnlyDictionary<string, IReadOnlyList<RecordSet>> names)
{
    public string Apex { get; } = apex;

    public int SoaTtl { get; } = soaTtl;

    public IReadOnlyDictionary<string, IReadOnlyList<RecordSet>> Names { get; } = names;

    /// <summary>True when <paramref name="name"/> is the apex or a name that has names below it (an empty non-terminal).</summary>
    public bool HasNameAtOrBelow(string name)
    {
        if (name == Apex || Names.ContainsKey(name))
        {
            return true;
        }

        var suffix = "." + name;
        return Names.Keys.Any(k => k.EndsWith(suffix, StringComparison.Ordinal));
    }
}
