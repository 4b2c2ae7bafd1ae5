using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// Fourth, and only for tasks with static host ports: a set lookup per port. It follows CPU and
/// memory because ports are a resource too (ECS groups it under <c>RESOURCE:</c>), and because
/// the port sets are built lazily, so instances already ruled out by capacity never build theirs.
/// </summary>
internal sealed class PortChecker(IReadOnlyList<HostPort> ports) : IFeasibilityChecker
{
    public FeasibilityStage Stage => FeasibilityStage.Ports;

    public string Reason => PlacementFailureReasons.Ports;

    public bool IsFeasible(InstanceState instance)
    {
        foreach (var port in ports)
        {
            if (instance.IsPortUsed(port))
            {
                return false;
            }
        }

        return true;
    }
}
