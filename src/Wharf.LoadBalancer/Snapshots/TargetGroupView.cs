using Wharf.Core.Model;

namespace Wharf.LoadBalancer.Snapshots;

/// <summary>A target group with its registered targets and where each one is reached.</summary>
/// <param name="InUse">True when a listener or rule forwards to the group (only then are targets checked).</param>
internal sealed record TargetGroupView(TargetGroupRecord Group, IReadOnlyList<TargetEndpoint> Targets, bool InUse)
{
    /// <summary>
    /// The targets that get new requests: the healthy ones; when none is healthy, every target that
    /// is not draining, since an ALB fails open rather than refusing all traffic.
    /// </summary>
    public IReadOnlyList<TargetEndpoint> Routable
    {
        get
        {
            var healthy = Targets.Where(t => t.Target.State == TargetStates.Healthy).ToList();
            return healthy.Count > 0 ? healthy : Targets.Where(t => t.Target.State != TargetStates.Draining).ToList();
        }
    }
}

/// <summary>One registered target and its address.</summary>
/// <param name="Key">The target's document key.</param>
/// <param name="Version">The document version the snapshot read.</param>
/// <param name="Address">The host to connect to: the instance's host address or the target's IP.</param>
internal sealed record TargetEndpoint(string Key, long Version, TargetRecord Target, string Address)
{
    public string Url => $"http://{Address}:{Target.Port}/";
}
