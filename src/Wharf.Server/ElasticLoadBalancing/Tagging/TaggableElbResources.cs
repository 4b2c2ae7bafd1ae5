using Wharf.Core.Model;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Tagging;

/// <summary>Checks that an ARN names an existing balancer, target group, listener or rule, with the matching not-found error.</summary>
internal sealed class TaggableElbResources(ElbState elb)
{
    public async ValueTask CheckExistsAsync(string? arn, CancellationToken cancellationToken)
    {
        arn ??= "";
        if (arn.Contains(":loadbalancer/", StringComparison.Ordinal))
        {
            _ = await elb.LoadBalancerAsync(arn, cancellationToken);
        }
        else if (arn.Contains(":targetgroup/", StringComparison.Ordinal))
        {
            _ = await elb.TargetGroupAsync(arn, cancellationToken);
        }
        else if (arn.Contains(":listener/", StringComparison.Ordinal))
        {
            _ = await elb.ListenerAsync(arn, cancellationToken);
        }
        else if (arn.Contains(":listener-rule/", StringComparison.Ordinal))
        {
            _ = await elb.RuleAsync(arn, cancellationToken);
        }
        else
        {
            throw ElbErrors.Validation($"'{arn}' is not a valid resource ARN");
        }
    }

    public static TagSet Empty(string arn) => new() { ResourceArn = arn, Tags = [] };
}
