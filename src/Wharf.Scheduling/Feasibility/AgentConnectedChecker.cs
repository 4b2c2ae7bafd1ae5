using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// First: an instance whose agent is disconnected cannot receive a task, whatever else holds, and
/// ECS rejects it with <c>AGENT</c> rather than letting the task wait. (Instances that are not
/// ACTIVE never reach the chain: they are not candidates at all.)
/// </summary>
internal sealed class AgentConnectedChecker : IFeasibilityChecker
{
    public static AgentConnectedChecker Instance { get; } = new();

    public FeasibilityStage Stage => FeasibilityStage.Agent;

    public string Reason => PlacementFailureReasons.Agent;

    public bool IsFeasible(InstanceState instance) => instance.AgentConnected;
}
