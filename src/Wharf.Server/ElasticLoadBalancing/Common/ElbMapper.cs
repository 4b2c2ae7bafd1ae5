using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using AvailabilityZone = Wharf.Protocol.Generated.ElasticLoadBalancingV2.AvailabilityZone;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>Stored ELBv2 records to their wire shapes.</summary>
internal static class ElbMapper
{
    /// <summary>Route 53 hosted zone id of us-east-1 ALBs; Wharf has no zones, scripts only echo it.</summary>
    private const string HostedZoneId = "Z35SXDOTRQ7X7K";

    public static Protocol.Generated.ElasticLoadBalancingV2.LoadBalancer ToWire(LoadBalancerRecord record) => new()
    {
        LoadBalancerArn = record.Arn,
        LoadBalancerName = record.Name,
        DNSName = record.DnsName,
        CanonicalHostedZoneId = HostedZoneId,
        CreatedTime = record.CreatedAt,
        Scheme = record.Scheme,
        VpcId = record.VpcId,
        State = new LoadBalancerState { Code = record.State },
        Type = record.Type,
        AvailabilityZones = record.Zones.Select(z => new AvailabilityZone { ZoneName = z.ZoneName, SubnetId = z.SubnetId, LoadBalancerAddresses = [] }).ToList(),
        SecurityGroups = record.SecurityGroups.ToList(),
        IpAddressType = record.IpAddressType,
    };

    public static TargetGroup ToWire(TargetGroupRecord record, IEnumerable<string> loadBalancerArns) => new()
    {
        TargetGroupArn = record.Arn,
        TargetGroupName = record.Name,
        Protocol = record.Protocol,
        ProtocolVersion = record.ProtocolVersion,
        Port = record.Port,
        VpcId = record.VpcId,
        HealthCheckProtocol = record.HealthCheck.Protocol,
        HealthCheckPort = record.HealthCheck.Port,
        HealthCheckEnabled = record.HealthCheck.Enabled,
        HealthCheckIntervalSeconds = record.HealthCheck.IntervalSeconds,
        HealthCheckTimeoutSeconds = record.HealthCheck.TimeoutSeconds,
        HealthyThresholdCount = record.HealthCheck.HealthyThreshold,
        UnhealthyThresholdCount = record.HealthCheck.UnhealthyThreshold,
        HealthCheckPath = record.HealthCheck.Path,
        Matcher = new Matcher { HttpCode = record.HealthCheck.Matcher },
        LoadBalancerArns = loadBalancerArns.ToList(),
        TargetType = record.TargetType,
        IpAddressType = record.IpAddressType,
    };

    public static Listener ToWire(ListenerRecord record) => new()
    {
        ListenerArn = record.Arn,
        LoadBalancerArn = record.LoadBalancerArn,
        Port = record.Port,
        Protocol = record.Protocol,
        DefaultActions = record.DefaultActions.Select(ActionMapper.ToWire).ToList(),
    };

    public static Rule ToWire(RuleRecord record) => new()
    {
        RuleArn = record.Arn,
        Priority = record.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Conditions = record.Conditions.Select(ConditionMapper.ToWire).ToList(),
        Actions = record.Actions.Select(ActionMapper.ToWire).ToList(),
        IsDefault = false,
    };

    /// <summary>The default rule of a listener, as DescribeRules shows it.</summary>
    public static Rule DefaultRule(ListenerRecord listener) => new()
    {
        RuleArn = ElbNames.Rule(listener.Arn, listener.DefaultRuleId),
        Priority = "default",
        Conditions = [],
        Actions = listener.DefaultActions.Select(ActionMapper.ToWire).ToList(),
        IsDefault = true,
    };
}
