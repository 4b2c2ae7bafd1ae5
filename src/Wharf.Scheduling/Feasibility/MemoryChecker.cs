using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Feasibility;

/// <summary>Third: as cheap as CPU; every task reserves memory, so it always runs.</summary>
internal sealed class MemoryChecker(int memory) : IFeasibilityChecker
{
    public FeasibilityStage Stage => FeasibilityStage.Memory;

    public string Reason => PlacementFailureReasons.Memory;

    public bool IsFeasible(InstanceState instance) => instance.RemainingMemory >= memory;
}
