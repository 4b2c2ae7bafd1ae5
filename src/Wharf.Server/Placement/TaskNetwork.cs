using Wharf.Core.Model;
using Wharf.Scheduling.Model;

namespace Wharf.Server.Placement;

/// <summary>
/// How the tasks of one launch or deployment get their network, for <c>awsvpc</c>: the validated
/// configuration, the security groups their interfaces get (the default group when none was
/// asked for) and the zone of an instance that names none. Immutable.
/// </summary>
/// <param name="Configuration">The validated <c>awsvpcConfiguration</c>.</param>
/// <param name="SecurityGroups">The groups each interface gets.</param>
/// <param name="DefaultZone">The zone of an instance without <c>ecs.availability-zone</c>.</param>
internal sealed record TaskNetwork(AwsvpcConfigurationRecord Configuration, IReadOnlyList<string> SecurityGroups, string DefaultZone)
{
    /// <summary>What placement needs: the zones of the subnets.</summary>
    public SubnetZones Zones { get; } = new(
        Configuration.Subnets.Select(s => s.AvailabilityZone).ToHashSet(StringComparer.Ordinal), DefaultZone);

    /// <summary>The zone an instance is in, by its attribute or the default.</summary>
    public string ZoneOf(InstanceSnapshot instance) =>
        instance.Attributes.TryGetValue(SubnetZones.ZoneAttribute, out var zone) && !string.IsNullOrEmpty(zone) ? zone : DefaultZone;

    /// <summary>
    /// A new interface for a task placed on <paramref name="instance"/>: in the first requested subnet
    /// of the instance's zone (placement made sure there is one), PRECREATED until the agent attaches it.
    /// </summary>
    public TaskNetworkInterfaceRecord NewInterface(InstanceSnapshot instance, string attachmentId, string hex)
    {
        var zone = ZoneOf(instance);
        var subnet = Configuration.Subnets.FirstOrDefault(s => s.AvailabilityZone == zone)
            ?? throw new InvalidOperationException($"No subnet of the task is in {zone}, the zone of {instance.ContainerInstanceArn}.");
        return new TaskNetworkInterfaceRecord
        {
            AttachmentId = attachmentId,
            Status = NetworkInterfaceStatuses.Precreated,
            NetworkInterfaceId = "eni-" + hex[..17],
            SubnetId = subnet.SubnetId,
            SubnetCidr = subnet.CidrBlock,
            SecurityGroups = SecurityGroups,
        };
    }
}
