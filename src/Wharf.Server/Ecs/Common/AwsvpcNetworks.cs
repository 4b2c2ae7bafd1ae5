using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ec2;
using Wharf.Server.Placement;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// Checks a request's <c>networkConfiguration</c> against the task definition's network mode and
/// Wharf's EC2 view (<see cref="DefaultNetwork"/>), as ECS checks it for RunTask, StartTask,
/// CreateService and UpdateService on EC2: an <c>awsvpc</c> definition needs one, the other modes
/// take none; 1 to 16 subnets and up to 5 security groups, each one EC2 knows; no public address
/// on EC2. Reads only. Stateless and thread-safe.
/// </summary>
internal sealed class AwsvpcNetworks(DefaultNetwork network)
{
    public const string AwsvpcMode = "awsvpc";
    public const int MaxSubnets = 16;
    public const int MaxSecurityGroups = 5;
    public const string Disabled = "DISABLED";
    public const string Enabled = "ENABLED";

    /// <summary>
    /// The validated configuration for an <c>awsvpc</c> task or service; null for the other modes.
    /// </summary>
    /// <exception cref="Wharf.Protocol.Errors.AwsServiceException">InvalidParameterException with ECS's message.</exception>
    public async ValueTask<AwsvpcConfigurationRecord?> ResolveAsync(
        string networkMode, NetworkConfiguration? given, string launchType, CancellationToken cancellationToken)
    {
        if (networkMode != AwsvpcMode)
        {
            return given is null
                ? null
                : throw EcsErrors.InvalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }

        var config = given?.AwsvpcConfiguration
            ?? throw EcsErrors.InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        var subnets = (config.Subnets ?? []).Distinct(StringComparer.Ordinal).ToList();
        var groups = (config.SecurityGroups ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (subnets.Count == 0)
        {
            throw EcsErrors.InvalidParameter("subnets can not be empty.");
        }

        if (subnets.Count > MaxSubnets)
        {
            throw EcsErrors.InvalidParameter($"subnets can have at most {MaxSubnets} items.");
        }

        if (groups.Count > MaxSecurityGroups)
        {
            throw EcsErrors.InvalidParameter($"securityGroups can have at most {MaxSecurityGroups} items.");
        }

        var assign = config.AssignPublicIp ?? Disabled;
        if (assign is not (Enabled or Disabled))
        {
            throw EcsErrors.NotOneOf("assignPublicIp", assign, Enabled, Disabled);
        }

        if (assign == Enabled && launchType != FargateCapacity.LaunchType)
        {
            // A public address comes with Fargate's interfaces only; EC2 tasks' interfaces get none.
            throw EcsErrors.InvalidParameter("Assign public IP is not supported for this launch type.");
        }

        var known = await network.SubnetsAsync(cancellationToken);
        var resolved = new List<AwsvpcSubnetRecord>(subnets.Count);
        foreach (var id in subnets)
        {
            var subnet = known.FirstOrDefault(s => s.SubnetId == id)
                ?? throw EcsErrors.InvalidParameter(
                    $"Error retrieving subnet information for [{id}]: The subnet ID '{id}' does not exist (ErrorCode: InvalidSubnetID.NotFound)");
            resolved.Add(new AwsvpcSubnetRecord(id, subnet.ZoneName, DefaultNetwork.SubnetCidr(subnet.ZoneName)));
        }

        if (groups.FirstOrDefault(g => g != network.SecurityGroupId) is { } group)
        {
            throw EcsErrors.InvalidParameter(
                $"Error retrieving security group information for [{group}]: The security group '{group}' does not exist (ErrorCode: InvalidGroup.NotFound)");
        }

        return new AwsvpcConfigurationRecord { Subnets = resolved, SecurityGroups = groups, AssignPublicIp = assign };
    }

    /// <summary>
    /// How tasks of the configuration get their interfaces: with the groups asked for or the VPC's
    /// default one, and an instance without a zone attribute in the region's first zone (as
    /// <see cref="DefaultNetwork"/> counts it).
    /// </summary>
    public TaskNetwork ForTasks(AwsvpcConfigurationRecord configuration) => new(
        configuration,
        configuration.SecurityGroups.Count > 0 ? configuration.SecurityGroups : [network.SecurityGroupId],
        network.Region + "a");

    /// <summary>The configuration as DescribeServices returns it (<c>assignPublicIp</c> always present).</summary>
    public static NetworkConfiguration? ToWire(AwsvpcConfigurationRecord? configuration) => configuration is null
        ? null
        : new NetworkConfiguration
        {
            AwsvpcConfiguration = new AwsVpcConfiguration
            {
                Subnets = configuration.Subnets.Select(s => s.SubnetId).ToList(),
                SecurityGroups = [.. configuration.SecurityGroups],
                AssignPublicIp = configuration.AssignPublicIp,
            },
        };

    /// <summary>Whether two configurations ask for the same network (a change starts a deployment).</summary>
    public static bool SameNetwork(AwsvpcConfigurationRecord? a, AwsvpcConfigurationRecord? b) =>
        a is null || b is null
            ? a is null && b is null
            : a.Subnets.Select(s => s.SubnetId).SequenceEqual(b.Subnets.Select(s => s.SubnetId), StringComparer.Ordinal)
                && a.SecurityGroups.SequenceEqual(b.SecurityGroups, StringComparer.Ordinal)
                && a.AssignPublicIp == b.AssignPublicIp;
}
