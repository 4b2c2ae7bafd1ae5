namespace Wharf.Core.Model;

/// <summary>A listener: a port of its load balancer, with the default rule's actions.</summary>
public sealed record ListenerRecord
{
    public required string Arn { get; init; }
    public required string LoadBalancerArn { get; init; }
    public required int Port { get; init; }
    /// <summary>HTTP (HTTPS is accepted by the API but served as HTTP).</summary>
    public required string Protocol { get; init; }
    /// <summary>The id of the default rule, whose ARN DescribeRules shows.</summary>
    public required string DefaultRuleId { get; init; }
    public required IReadOnlyList<RuleActionRecord> DefaultActions { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
