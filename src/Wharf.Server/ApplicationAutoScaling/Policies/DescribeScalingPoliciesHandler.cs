using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.CloudWatch.Alarms;

namespace Wharf.Server.ApplicationAutoScaling.Policies;

/// <summary>
/// DescribeScalingPolicies: the namespace's policies with their alarms, filtered and paged. A
/// target-tracking policy lists the alarms it owns; a step policy, as AWS lists it, the CloudWatch
/// alarms whose AlarmActions name its ARN.
/// </summary>
internal sealed class DescribeScalingPoliciesHandler(ScalingStore store, IMetricAlarms alarms)
    : IOperationHandler<DescribeScalingPoliciesRequest, DescribeScalingPoliciesResponse>
{
    public async ValueTask<DescribeScalingPoliciesResponse> HandleAsync(
        DescribeScalingPoliciesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ScalableResource.CheckNamespace(input.ServiceNamespace);
        ScalableResource.CheckDimensionFilter(input.ScalableDimension);
        var policies = ScalingFilter.Apply(
            (await store.AllPoliciesAsync(input.ServiceNamespace!, cancellationToken)).Select(p => p.Value),
            input.ResourceId, input.ScalableDimension, input.PolicyNames);
        var (page, next) = ScalingPage.Slice(policies, "policies", input.NextToken, input.MaxResults);
        var described = new List<ScalingPolicy>(page.Count);
        foreach (var policy in page)
        {
            var wire = ScalingMapper.ToWire(policy);
            if (policy.TargetTracking is null)
            {
                wire.Alarms = (await alarms.WithAlarmActionAsync(policy.Arn, cancellationToken))
                    .Select(a => new Alarm { AlarmName = a.AlarmName, AlarmARN = a.AlarmArn })
                    .ToList();
            }

            described.Add(wire);
        }

        return new DescribeScalingPoliciesResponse { ScalingPolicies = described, NextToken = next };
    }
}
