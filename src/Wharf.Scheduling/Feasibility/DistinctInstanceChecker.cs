using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// Last: <c>distinctInstance</c> depends on the placements made earlier in the same request, and
/// an instance that fails only this check met every other requirement, which makes it the
/// closest match worth naming in the service event.
/// </summary>
internal sealed class DistinctInstanceChecker(string group) : IFeasibilityChecker
{
    public FeasibilityStage Stage => FeasibilityStage.DistinctInstance;

    public string Reason => PlacementFailureReasons.DistinctInstance;

    public bool IsFeasible(InstanceState instance) => instance.CountInGroup(group) == 0;
}
