namespace Wharf.Core.Model;

/// <summary>
/// The document kinds of the application load balancer (ELBv2), with their keys and partitions.
/// Tags of these resources live under <see cref="StateKinds.Tags"/>, keyed by ARN.
/// </summary>
public static class LoadBalancingKinds
{
    /// <summary>Key: load balancer ARN. Partition: "". Body: <see cref="LoadBalancerRecord"/>.</summary>
    public const string LoadBalancer = "elb-loadbalancer";

    /// <summary>Key: target group ARN. Partition: "". Body: <see cref="TargetGroupRecord"/>.</summary>
    public const string TargetGroup = "elb-targetgroup";

    /// <summary>Key: listener ARN. Partition: load balancer ARN. Body: <see cref="ListenerRecord"/>.</summary>
    public const string Listener = "elb-listener";

    /// <summary>Key: rule ARN. Partition: listener ARN. Body: <see cref="RuleRecord"/> (never the default rule).</summary>
    public const string Rule = "elb-rule";

    /// <summary>Key: <c>{target group ARN}|{id}|{port}</c>. Partition: target group ARN. Body: <see cref="TargetRecord"/>.</summary>
    public const string Target = "elb-target";

    /// <summary>The key of a target's document.</summary>
    public static string TargetKey(string targetGroupArn, string id, int port) =>
        string.Concat(targetGroupArn, "|", id, "|", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
