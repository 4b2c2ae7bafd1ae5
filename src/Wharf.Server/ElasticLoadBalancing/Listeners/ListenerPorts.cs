using Wharf.Core.Model;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Listeners;

/// <summary>
/// Checks a listener's protocol and port. All balancers share this host's ports, so a port taken by
/// another balancer's listener, or by any other process, is refused before anything is stored.
/// </summary>
internal sealed class ListenerPorts(ElbState elb, IListenerPortProbe probe)
{
    public static void ValidateProtocolAndPort(string? protocol, int? port)
    {
        if (protocol is not "HTTP")
        {
            throw protocol is "HTTPS"
                ? ElbErrors.UnsupportedProtocol("HTTPS' is not served by Wharf listeners yet; use 'HTTP")
                : ElbErrors.UnsupportedProtocol(protocol ?? "");
        }

        if (port is not (>= 1 and <= 65535))
        {
            throw ElbErrors.Validation($"Port '{port}' must be from 1 to 65535");
        }
    }

    /// <summary>Throws when <paramref name="port"/> is used by a listener other than <paramref name="self"/> or by another process.</summary>
    public async ValueTask CheckAvailableAsync(string loadBalancerArn, int port, string? self, CancellationToken cancellationToken)
    {
        var holder = (await elb.ListenersAsync(null, cancellationToken)).Select(l => l.Value).FirstOrDefault(l => l.Port == port && l.Arn != self);
        if (holder is not null)
        {
            if (holder.LoadBalancerArn == loadBalancerArn)
            {
                throw ElbErrors.DuplicateListener();
            }

            throw ElbErrors.InvalidConfiguration(
                $"Port '{port}' is already used by a listener of load balancer '{holder.LoadBalancerArn}' on this host");
        }

        var ownPort = self is not null && (await elb.ListenerAsync(self, cancellationToken)).Value.Port == port;
        if (!ownPort && !probe.IsFree(port))
        {
            throw ElbErrors.InvalidConfiguration($"Port '{port}' is already in use on this host");
        }
    }

    /// <summary>The listener record for stored actions, checked against the target groups.</summary>
    public async ValueTask<IReadOnlyList<RuleActionRecord>> ActionsAsync(
        IReadOnlyList<Protocol.Generated.ElasticLoadBalancingV2.Action>? actions, CancellationToken cancellationToken)
    {
        var records = ActionMapper.ToRecords(actions);
        await elb.CheckTargetGroupsAsync(records, cancellationToken);
        return records;
    }
}
