using System.Collections.Concurrent;

namespace Wharf.Server.AgentChannel;

/// <summary>
/// The agents connected to this server replica, by container instance ARN. Thread-safe: sessions
/// attach and detach from their own request threads; the dispatcher enumerates concurrently.
/// A second connection for the same instance replaces the first (the old one is closed).
/// </summary>
internal sealed class AgentRegistry
{
    private readonly ConcurrentDictionary<string, AgentSession> sessions = new(StringComparer.Ordinal);

    /// <summary>Raised when an agent attaches, so the dispatcher pushes its desired tasks at once.</summary>
    public event Action<string>? Attached;

    public AgentSession? Attach(AgentSession session)
    {
        AgentSession? previous = null;
        sessions.AddOrUpdate(
            session.ContainerInstanceArn,
            session,
            (_, existing) =>
            {
                previous = existing;
                return session;
            });
        Attached?.Invoke(session.ContainerInstanceArn);
        return previous;
    }

    /// <summary>Removes the session if it is still the current one for its instance.</summary>
    public bool Detach(AgentSession session) =>
        sessions.TryRemove(new KeyValuePair<string, AgentSession>(session.ContainerInstanceArn, session));

    public bool IsConnected(string containerInstanceArn) => sessions.ContainsKey(containerInstanceArn);

    public IReadOnlyCollection<AgentSession> Sessions => sessions.Values.ToList();

    public AgentSession? Find(string containerInstanceArn) =>
        sessions.TryGetValue(containerInstanceArn, out var session) ? session : null;

    /// <summary>Count of connected agents in a cluster.</summary>
    public int CountInCluster(string clusterArn) => sessions.Values.Count(s => s.ClusterArn == clusterArn);
}
