using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.LoadBalancers;

/// <summary>
/// DescribeCapacityReservation: Wharf's balancers have no reserved capacity (LCU reservations are
/// an AWS fleet concept), so a known balancer answers with no minimum capacity and no zonal states,
/// as an AWS balancer that never had a reservation does. Terraform's provider reads it for every
/// <c>aws_lb</c>.
/// </summary>
internal sealed class DescribeCapacityReservationHandler(ElbState elb)
    : IOperationHandler<DescribeCapacityReservationInput, DescribeCapacityReservationOutput>
{
    public async ValueTask<DescribeCapacityReservationOutput> HandleAsync(
        DescribeCapacityReservationInput input, OperationContext context, CancellationToken cancellationToken)
    {
        _ = await elb.LoadBalancerAsync(input.LoadBalancerArn, cancellationToken);
        return new DescribeCapacityReservationOutput { CapacityReservationState = [] };
    }
}
