using System.Collections.Concurrent;
using Wharf.Core.Model;
using Wharf.Server.AgentChannel;

namespace Wharf.Server.Controllers.Services;

/// <summary>
/// Decides which container instances are lost: their agent has been disconnected from this server
/// for longer than <see cref="ServiceControllerOptions.LostTimeout"/>. The clock starts when this
/// server first sees the instance disconnected (so a restarted server gives every agent the full
/// timeout to reconnect), and stops when the agent is back. DEREGISTERED (INACTIVE) instances are
/// lost at once. Thread-safe.
/// </summary>
internal sealed class InstanceHealthMonitor(AgentRegistry agents, ServiceControllerOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> disconnectedSince = new(StringComparer.Ordinal);

    /// <summary>Updates the clocks from the instances' current connections and returns the lost ones.</summary>
    public IReadOnlySet<string> Lost(IEnumerable<ContainerInstanceRecord> instances)
    {
        var now = time.GetUtcNow();
        var lost = new HashSet<string>(StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            if (instance.Status == "INACTIVE")
            {
                lost.Add(instance.Arn);
                continue;
            }

            if (agents.IsConnected(instance.Arn))
            {
                disconnectedSince.TryRemove(instance.Arn, out _);
                continue;
            }

            var since = disconnectedSince.GetOrAdd(instance.Arn, now);
            if (now - since >= options.LostTimeout)
            {
                lost.Add(instance.Arn);
            }
        }

        return lost;
    }
}
