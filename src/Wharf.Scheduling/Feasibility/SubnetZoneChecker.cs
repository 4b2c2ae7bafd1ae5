using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// Sixth, and only for <c>awsvpc</c> tasks: the instance must be in the availability zone of one of
/// the task's subnets, since an interface attaches only to an instance in its subnet's zone. After
/// the required attributes (the zone is an attribute too, but one the user did not write) and
/// before the user's own constraints.
/// </summary>
internal sealed class SubnetZoneChecker(SubnetZones subnets) : IFeasibilityChecker
{
    public FeasibilityStage Stage => FeasibilityStage.SubnetZone;

    public string Reason => PlacementFailureReasons.SubnetZone;

    public bool IsFeasible(InstanceState instance)
    {
        var zone = instance.TryGetAttribute(SubnetZones.ZoneAttribute, out var value) && !string.IsNullOrEmpty(value)
            ? value
            : subnets.DefaultZone;
        return subnets.Zones.Contains(zone);
    }
}
