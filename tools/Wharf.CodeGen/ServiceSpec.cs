namespace Wharf.CodeGen;

/// <summary>One service to generate: the botocore folder, the C# name and an optional operation allow-list.</summary>
/// <param name="BotocoreName">The folder under botocore's <c>data/</c>, e.g. <c>ecs</c>.</param>
/// <param name="Name">The C# service name: namespace <c>Wharf.Protocol.Generated.&lt;Name&gt;</c>.</param>
/// <param name="Operations">When set, only these operations and the shapes they reach are generated.</param>
internal sealed record ServiceSpec(string BotocoreName, string Name, IReadOnlyList<string>? Operations = null)
{
    /// <summary>The services Wharf speaks, in generation order (ECS first).</summary>
    public static IReadOnlyList<ServiceSpec> All { get; } =
    [
        new("ecs", "Ecs"),
        new("elbv2", "ElasticLoadBalancingV2"),
        new("servicediscovery", "ServiceDiscovery"),
        new("application-autoscaling", "ApplicationAutoScaling"),
        new("logs", "CloudWatchLogs"),
        new("cloudwatch", "CloudWatch"),
        new("ec2", "Ec2",
        [
            "DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeAvailabilityZones",
            "DescribeAccountAttributes", "DescribeNetworkInterfaces", "DescribeInternetGateways",
            "DescribeVpcAttribute", "DescribeRouteTables",
        ]),
        new("sts", "Sts", ["GetCallerIdentity"]),
        new("events", "EventBridge"),
    ];
}
