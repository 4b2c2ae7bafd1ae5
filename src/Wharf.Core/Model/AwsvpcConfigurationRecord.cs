namespace Wharf.Core.Model;

/// <summary>
/// A validated <c>awsvpcConfiguration</c> (RunTask, or a service deployment's): the subnets as the
/// request named them, each with the zone and CIDR block it had when the request was checked, the
/// security groups as given, and <c>assignPublicIp</c> (always <c>DISABLED</c> on EC2).
/// </summary>
public sealed record AwsvpcConfigurationRecord
{
    /// <summary>The subnets in the order given, without repeats.</summary>
    public required IReadOnlyList<AwsvpcSubnetRecord> Subnets { get; init; }

    /// <summary>The security groups as given; empty means the VPC's default group.</summary>
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    /// <summary><c>ENABLED</c> or <c>DISABLED</c>.</summary>
    public string AssignPublicIp { get; init; } = "DISABLED";
}

/// <summary>One subnet of an <see cref="AwsvpcConfigurationRecord"/>.</summary>
public sealed record AwsvpcSubnetRecord(string SubnetId, string AvailabilityZone, string CidrBlock);
