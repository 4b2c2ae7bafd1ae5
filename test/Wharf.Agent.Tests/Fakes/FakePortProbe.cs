using Wharf.Agent.Engine;

namespace Wharf.Agent.Tests.Fakes;

/// <summary>A host where the ports in <see cref="Bound"/> are taken by something else.</summary>
internal sealed class FakePortProbe : IHostPortProbe
{
    public HashSet<int> Bound { get; } = [];

    public bool IsFree(int port, string protocol)
    {
        lock (Bound)
        {
            return !Bound.Contains(port);
        }
    }
}
