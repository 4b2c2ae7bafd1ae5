using System.Net;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.ElasticLoadBalancing.Common;
using Wharf.Server.State;

namespace Wharf.Server.ElasticLoadBalancing.Targets;

/// <summary>
/// Checks targets given to RegisterTargets/DeregisterTargets: an instance target must be a container
/// instance Wharf knows (its EC2-style id), an ip target an IPv4 address; ports default to the group's.
/// </summary>
internal sealed class TargetResolver(StateRepository state)
{
    /// <summary>The distinct (id, port, zone) of the request's targets.</summary>
    public async ValueTask<List<(string Id, int Port, string? Zone)>> ResolveAsync(
        TargetGroupRecord group, IReadOnlyList<TargetDescription>? targets, bool mustExist, CancellationToken cancellationToken)
    {
        if (targets is null || targets.Count == 0)
        {
            throw ElbErrors.Validation("At least one target must be specified");
        }

        var zones = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (group.TargetType == "instance" && mustExist)
        {
            foreach (var instance in await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, null, cancellationToken))
            {
                zones[instance.Value.Ec2InstanceId] = instance.Value.Attributes.FirstOrDefault(a => a.Name == "ecs.availability-zone")?.Value;
            }
        }

        var result = new List<(string, int, string?)>();
        foreach (var target in targets)
        {
            var id = target.Id ?? throw ElbErrors.Validation("A target must have an id");
            var port = target.Port ?? group.Port;
            if (port is < 1 or > 65535)
            {
                throw ElbErrors.Validation($"Port '{port}' must be from 1 to 65535");
            }

            string? zone = target.AvailabilityZone;
            if (group.TargetType == "ip")
            {
                if (!IPAddress.TryParse(id, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    throw ElbErrors.InvalidTarget($"The IP address '{id}' is not a valid IPv4 address");
                }
            }
            else if (mustExist && !zones.TryGetValue(id, out zone))
            {
                throw ElbErrors.InvalidTarget($"The following targets are not in a running state and can't be registered: '{id}'");
            }

            if (!result.Contains((id, port, zone)))
            {
                result.Add((id, port, zone));
            }
        }

        return result;
    }
}
