using Wharf.Server.AgentChannel;

namespace Wharf.Server.Hosting;

/// <summary>
/// What <c>/healthz</c> answers: ready once the store is open and, when
/// <see cref="WharfServerOptions.ReadyWhenAgentInCluster"/> is set (as <c>wharf up</c> does), once
/// an agent of that cluster is connected.
/// </summary>
internal sealed class Readiness(WharfServerOptions options, AgentRegistry agents)
{
    private volatile bool storeReady;

    public void MarkStoreReady() => storeReady = true;

    public bool IsReady(out string detail)
    {
        if (!storeReady)
        {
            detail = "state store opening";
            return false;
        }

        if (options.ReadyWhenAgentInCluster is { } cluster
            && !agents.Sessions.Any(s => ResourceNamesCluster(s.ClusterArn) == cluster))
        {
            detail = $"waiting for an agent in cluster '{cluster}'";
            return false;
        }

        detail = "ok";
        return true;
    }

    private static string ResourceNamesCluster(string clusterArn) => State.ResourceNames.ClusterNameOf(clusterArn);
}
