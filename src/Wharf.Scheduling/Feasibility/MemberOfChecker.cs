using Wharf.Scheduling.Placement;
using Wharf.Scheduling.Query;

namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// Seventh: a <c>memberOf</c> expression, the most expensive check, so it runs last among the
/// static ones. An expression that reads nothing placement changes is evaluated once per instance
/// per <see cref="PlacementCluster"/> and cached; one that reads <c>task:group</c> or
/// <c>runningTasksCount</c> is evaluated every time.
/// </summary>
internal sealed class MemberOfChecker(ClusterQueryExpression expression, sbyte[]? cache) : IFeasibilityChecker
{
    public FeasibilityStage Stage => FeasibilityStage.MemberOf;

    public string Reason => PlacementFailureReasons.MemberOf;

    public bool IsFeasible(InstanceState instance)
    {
        if (cache is null)
        {
            return expression.Evaluate(instance);
        }

        var known = cache[instance.Index];
        if (known == 0)
        {
            known = expression.Evaluate(instance) ? (sbyte)1 : (sbyte)-1;
            cache[instance.Index] = known;
        }

        return known > 0;
    }
}
