using System.Security.Cryptography;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>Formats ELBv2 ARNs and DNS names for this server's region and account, and mints their ids.</summary>
internal sealed class ElbNames(WharfServerOptions options)
{
    /// <summary>The domain balancer names live under; <c>*.localhost</c> names reach the loopback interface.</summary>
    public const string DnsSuffix = "elb.localhost";

    public string Region => options.Region;

    public string AccountId => options.AccountId;

    private string Prefix => $"arn:aws:elasticloadbalancing:{options.Region}:{options.AccountId}:";

    public string LoadBalancer(string name, string id) => $"{Prefix}loadbalancer/app/{name}/{id}";

    public string TargetGroup(string name, string id) => $"{Prefix}targetgroup/{name}/{id}";

    /// <summary>A listener ARN under its balancer's ARN.</summary>
    public static string Listener(string loadBalancerArn, string id) =>
        loadBalancerArn.Replace(":loadbalancer/", ":listener/", StringComparison.Ordinal) + "/" + id;

    /// <summary>A rule ARN under its listener's ARN.</summary>
    public static string Rule(string listenerArn, string id) =>
        listenerArn.Replace(":listener/", ":listener-rule/", StringComparison.Ordinal) + "/" + id;

    /// <summary>The listener a rule ARN belongs to.</summary>
    public static string ListenerOfRule(string ruleArn) =>
        ruleArn[..ruleArn.LastIndexOf('/')].Replace(":listener-rule/", ":listener/", StringComparison.Ordinal);

    public string DnsName(string name, string id) =>
        $"{name}-{Convert.ToUInt64(id[..10], 16) % 10_000_000_000}.{options.Region}.{DnsSuffix}".ToLowerInvariant();

    /// <summary>16 lowercase hex characters, as ELBv2 resource ids are.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
