namespace Wharf.Agent.Engine;

/// <summary>
/// Hands out host ports from the ECS ephemeral range 49153–65535 for <c>hostPort: 0</c>: a port
/// is given only when no task of this agent holds it and nothing on the host is bound to it.
/// Allocation walks forward from a cursor that starts at a random point, so a port just given up
/// (for example after Docker reported it taken) is not handed out again straight away.
/// Thread-safe.
/// </summary>
internal sealed class PortAllocator
{
    public const int FirstEphemeral = 49153;
    public const int LastEphemeral = 65535;

    private readonly Lock _gate = new();
    private readonly HashSet<(int Port, string Protocol)> _inUse = [];
    private readonly IHostPortProbe _probe;
    private int _cursor;

    public PortAllocator(IHostPortProbe probe, Random random)
    {
        _probe = probe;
        lock (random)
        {
            _cursor = random.Next(FirstEphemeral, LastEphemeral + 1);
        }
    }

    /// <summary>A free ephemeral port, now held until <see cref="Release"/>.</summary>
    /// <exception cref="InvalidOperationException">Every port of the range is taken.</exception>
    public int Allocate(string protocol)
    {
        lock (_gate)
        {
            const int size = LastEphemeral - FirstEphemeral + 1;
            for (var i = 0; i < size; i++)
            {
                var candidate = FirstEphemeral + ((_cursor - FirstEphemeral + i) % size);
                if (!_inUse.Contains((candidate, protocol)) && _probe.IsFree(candidate, protocol))
                {
                    _inUse.Add((candidate, protocol));
                    _cursor = candidate == LastEphemeral ? FirstEphemeral : candidate + 1;
                    return candidate;
                }
            }

            throw new InvalidOperationException("No free host port left in the ephemeral range 49153-65535.");
        }
    }

    /// <summary>Marks a port as held (a static host port, or one an adopted container publishes).</summary>
    public void Reserve(int port, string protocol)
    {
        lock (_gate)
        {
            _inUse.Add((port, protocol));
        }
    }

    public void Release(int port, string protocol)
    {
        lock (_gate)
        {
            _inUse.Remove((port, protocol));
        }
    }

    /// <summary>The ports held right now.</summary>
    public IReadOnlyList<int> InUse()
    {
        lock (_gate)
        {
            return [.. _inUse.Select(p => p.Port).Distinct().Order()];
        }
    }
}
