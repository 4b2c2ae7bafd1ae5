using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Feasibility;

/// <summary>
/// Fifth: the task definition's <c>requiresAttributes</c> (capabilities such as a log driver).
/// Dictionary lookups, cheaper than a query, but after resources so that a full instance is
/// reported as full rather than as missing a capability it may well have.
/// </summary>
internal sealed class RequiredAttributesChecker(IReadOnlyList<RequiredAttribute> required) : IFeasibilityChecker
{
    public FeasibilityStage Stage => FeasibilityStage.Attributes;

    public string Reason => PlacementFailureReasons.Attribute;

    public bool IsFeasible(InstanceState instance)
    {
        foreach (var attribute in required)
        {
            if (!instance.TryGetAttribute(attribute.Name, out var value)
                || (attribute.Value is not null && !string.Equals(attribute.Value, value, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }
}
