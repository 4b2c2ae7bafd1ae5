using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Rules;

/// <summary>DescribeRules of a listener (by priority, the default rule last) or by ARNs.</summary>
internal sealed class DescribeRulesHandler(ElbState elb, RuleLookup lookup) : IOperationHandler<DescribeRulesInput, DescribeRulesOutput>
{
    public async ValueTask<DescribeRulesOutput> HandleAsync(DescribeRulesInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var rules = new List<Rule>();
        if (input.RuleArns is { Count: > 0 } arns)
        {
            if (input.ListenerArn is not null)
            {
                throw ElbErrors.Validation("Rule ARNs and a listener ARN cannot be specified at the same time");
            }

            foreach (var arn in arns.Distinct(StringComparer.Ordinal))
            {
                var (rule, defaultOf) = await lookup.FindAsync(arn, cancellationToken);
                rules.Add(rule is not null ? ElbMapper.ToWire(rule.Value) : ElbMapper.DefaultRule(defaultOf!.Value));
            }
        }
        else if (input.ListenerArn is { } listenerArn)
        {
            var listener = await elb.ListenerAsync(listenerArn, cancellationToken);
            rules.AddRange((await elb.RulesAsync(listener.Key, cancellationToken)).Select(r => r.Value).OrderBy(r => r.Priority).Select(ElbMapper.ToWire));
            rules.Add(ElbMapper.DefaultRule(listener.Value));
        }
        else
        {
            throw ElbErrors.Validation("You must specify either listener ARNs or rule ARNs");
        }

        var (page, next) = Markers.Page(rules, input.Marker, input.PageSize);
        return new DescribeRulesOutput { Rules = page, NextMarker = next };
    }
}
