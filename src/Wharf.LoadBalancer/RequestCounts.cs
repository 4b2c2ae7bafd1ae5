using System.Collections.Concurrent;

namespace Wharf.LoadBalancer;

/// <summary>
/// Requests the listeners served since the last <see cref="Drain"/>, per load balancer and
/// forward target group (null for answers the balancer gave itself), with how many targets the
/// group could route to at the time. Incremented on the request path (lock-free); drained by
/// whoever publishes metrics (CloudWatch's <c>AWS/ApplicationELB</c> namespace).
/// </summary>
public sealed class RequestCounts
{
    private readonly ConcurrentDictionary<(string LoadBalancerArn, string? TargetGroupArn), Counter> _counters = new();

    internal void Increment(string loadBalancerArn, string? targetGroupArn, int routableTargets)
    {
        var counter = _counters.GetOrAdd((loadBalancerArn, targetGroupArn), _ => new Counter());
        Interlocked.Increment(ref counter.Requests);
        Volatile.Write(ref counter.Targets, routableTargets);
    }

    /// <summary>The counts since the previous drain (pairs with no requests are left out), resetting them.</summary>
    public IReadOnlyList<RequestCount> Drain()
    {
        var drained = new List<RequestCount>();
        foreach (var ((balancer, group), counter) in _counters)
        {
            var requests = Interlocked.Exchange(ref counter.Requests, 0);
            if (requests > 0)
            {
                drained.Add(new RequestCount(balancer, group, requests, Volatile.Read(ref counter.Targets)));
            }
        }

        return drained;
    }

    private sealed class Counter
    {
        public long Requests;
        public int Targets;
    }
}

/// <summary>Requests one load balancer sent to one target group (or answered itself, when <see cref="TargetGroupArn"/> is null).</summary>
public sealed record RequestCount(string LoadBalancerArn, string? TargetGroupArn, long Requests, int RoutableTargets);
