using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// Second: one integer comparison, and with memory the most common rejection in a full cluster.
/// A task that reserves no CPU skips it (the chain leaves it out).
/// </summary>
internal sealed class CpuChecker(int cpu) : IFeasibilityChecker
{
    public FeasibilityStage Stage => FeasibilityStage.Cpu;

    public string Reason => PlacementFailureReasons.Cpu;

    public bool IsFeasible(InstanceState instance) => instance.RemainingCpu >= cpu;
}
