using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// The checkers that apply to one request, in <see cref="FeasibilityStage"/> order; checks that
/// cannot fail for the request (no CPU reserved, no static ports, no constraints) are left out.
/// </summary>
internal sealed class FeasibilityChain
{
    private readonly IFeasibilityChecker[] _checkers;

    private FeasibilityChain(IFeasibilityChecker[] checkers)
    {
        _checkers = checkers;
    }

    public IReadOnlyList<IFeasibilityChecker> Checkers => _checkers;

    public static FeasibilityChain For(PlacementRequest request, PlacementCluster cluster)
    {
        var checkers = new List<IFeasibilityChecker> { AgentConnectedChecker.Instance };
        if (request.Cpu > 0)
        {
            checkers.Add(new CpuChecker(request.Cpu));
        }

        checkers.Add(new MemoryChecker(request.Memory));
        if (request.StaticHostPorts.Count > 0)
        {
            checkers.Add(new PortChecker(request.StaticHostPorts));
        }

        if (request.RequiredAttributes.Count > 0)
        {
            checkers.Add(new RequiredAttributesChecker(request.RequiredAttributes));
        }

        if (request.SubnetZones is { } subnets)
        {
            checkers.Add(new SubnetZoneChecker(subnets));
        }

        var distinct = false;
        foreach (var constraint in request.EffectiveConstraints)
        {
            if (constraint.Type == PlacementConstraintType.MemberOf)
            {
                var expression = constraint.Expression!;
                checkers.Add(new MemberOfChecker(expression, expression.IsDynamic ? null : cluster.StaticResults(expression)));
            }
            else
            {
                distinct = true;
            }
        }

        if (distinct)
        {
            checkers.Add(new DistinctInstanceChecker(request.Group));
        }

        return new FeasibilityChain([.. checkers]);
    }

    /// <summary>The first checker that rejects the instance, or null when it is feasible.</summary>
    public IFeasibilityChecker? FirstRejection(InstanceState instance)
    {
        foreach (var checker in _checkers)
        {
            if (!checker.IsFeasible(instance))
            {
                return checker;
            }
        }

        return null;
    }
}
