using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// One link of the feasibility chain: a yes/no question about an instance for the request it was
/// built for. A "no" becomes an ECS failure with <see cref="Reason"/>.
/// </summary>
internal interface IFeasibilityChecker
{
    /// <summary>
    /// The checker's place in the canonical chain. An instance rejected at a later stage passed
    /// more checks, which is what "closest matching container-instance" means.
    /// </summary>
    FeasibilityStage Stage { get; }

    /// <summary>The ECS failure reason when the check fails.</summary>
    string Reason { get; }

    bool IsFeasible(InstanceState instance);
}
