using System.Globalization;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Targets;

/// <summary>
/// DescribeTargetHealth: the health the data plane last recorded, except that targets of a group no
/// listener uses are <c>unused</c>, and a named target that is not registered is reported as such.
/// </summary>
internal sealed class DescribeTargetHealthHandler(ElbState elb) : IOperationHandler<DescribeTargetHealthInput, DescribeTargetHealthOutput>
{
    public async ValueTask<DescribeTargetHealthOutput> HandleAsync(
        DescribeTargetHealthInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var group = (await elb.TargetGroupAsync(input.TargetGroupArn, cancellationToken)).Value;
        var inUse = (await elb.TargetGroupUsageAsync(cancellationToken)).ContainsKey(group.Arn);
        var registered = (await elb.TargetsAsync(group.Arn, cancellationToken)).Select(t => t.Value).ToList();
        var result = new List<TargetHealthDescription>();
        if (input.Targets is { Count: > 0 } wanted)
        {
            foreach (var target in wanted)
            {
                var port = target.Port ?? group.Port;
                var match = registered.FirstOrDefault(r => r.Id == target.Id && r.Port == port);
                result.Add(match is not null
                    ? Describe(group, match, inUse)
                    : new TargetHealthDescription
                    {
                        Target = new TargetDescription { Id = target.Id, Port = port },
                        HealthCheckPort = HealthCheckPort(group, port),
                        TargetHealth = new TargetHealth
                        {
                            State = TargetStates.Unused,
                            Reason = "Target.NotRegistered",
                            Description = "Target is not registered to the target group",
                        },
                    });
            }
        }
        else
        {
            result.AddRange(registered.Select(r => Describe(group, r, inUse)));
        }

        return new DescribeTargetHealthOutput { TargetHealthDescriptions = result };
    }

    private static TargetHealthDescription Describe(TargetGroupRecord group, TargetRecord target, bool inUse)
    {
        var health = new TargetHealth { State = target.State, Reason = target.Reason, Description = target.Description };
        if (target.State != TargetStates.Draining)
        {
            if (!inUse)
            {
                health = new TargetHealth
                {
                    State = TargetStates.Unused,
                    Reason = TargetStates.NotInUse,
                    Description = "Target group is not configured to receive traffic from the load balancer",
                };
            }
            else if (!group.HealthCheck.Enabled)
            {
                health = new TargetHealth
                {
                    State = "unavailable",
                    Reason = TargetStates.HealthCheckDisabled,
                    Description = "Health checks are disabled",
                };
            }
            else if (target.State == TargetStates.Healthy)
            {
                health = new TargetHealth { State = TargetStates.Healthy };
            }
        }

        return new TargetHealthDescription
        {
            Target = new TargetDescription { Id = target.Id, Port = target.Port, AvailabilityZone = target.AvailabilityZone },
            HealthCheckPort = HealthCheckPort(group, target.Port),
            TargetHealth = health,
        };
    }

    private static string HealthCheckPort(TargetGroupRecord group, int port) =>
        group.HealthCheck.Port == "traffic-port" ? port.ToString(CultureInfo.InvariantCulture) : group.HealthCheck.Port;
}
