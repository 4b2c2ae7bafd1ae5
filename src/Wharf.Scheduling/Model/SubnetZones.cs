namespace Wharf.Scheduling.Model;

/// <summary>
/// Where an <c>awsvpc</c> task can get its network interface: the availability zones that hold
/// one of its subnets. An instance is in the zone its <c>ecs.availability-zone</c> attribute
/// names, or in <see cref="DefaultZone"/> when it has none.
/// </summary>
/// <param name="Zones">The zones of the task's subnets.</param>
/// <param name="DefaultZone">The zone of an instance without the attribute.</param>
public sealed record SubnetZones(IReadOnlySet<string> Zones, string DefaultZone)
{
    /// <summary>The attribute that names an instance's zone.</summary>
    public const string ZoneAttribute = "ecs.availability-zone";
}
