namespace Wharf.Agent.ControlPlane;

/// <summary>
/// Capped exponential back-off with "equal jitter": the n-th delay is uniformly drawn from
/// [c/2, c] where c = min(max, initial × 2ⁿ), so a fleet of agents reconnecting after a server
/// restart spreads out instead of arriving together. Not thread-safe.
/// </summary>
internal sealed class Backoff(TimeSpan initial, TimeSpan max, Random random)
{
    private int _attempt;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(_attempt, 30)));
        _attempt++;
        double fraction;
        lock (random)
        {
            fraction = random.NextDouble();
        }

        return TimeSpan.FromMilliseconds((ceiling / 2) + (fraction * ceiling / 2));
    }

    public void Reset() => _attempt = 0;
}
