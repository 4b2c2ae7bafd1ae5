namespace Wharf.LoadBalancer.Snapshots;

/// <summary>
/// The current snapshot. One writer (the publisher) swaps in complete new snapshots; readers on any
/// thread see either the old or the new one, never a mix.
/// </summary>
internal sealed class SnapshotHolder
{
    private LoadBalancerSnapshot current = LoadBalancerSnapshot.Empty;

    public LoadBalancerSnapshot Current => Volatile.Read(ref current);

    public event Action<LoadBalancerSnapshot>? Swapped;

    public void Swap(LoadBalancerSnapshot snapshot)
    {
        Volatile.Write(ref current, snapshot);
        Swapped?.Invoke(snapshot);
    }
}
