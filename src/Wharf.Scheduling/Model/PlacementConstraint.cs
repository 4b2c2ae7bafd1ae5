using System.Diagnostics.CodeAnalysis;
using Wharf.Scheduling.Query;

namespace Wharf.Scheduling.Model;

/// <summary>
/// A placement constraint with its expression already parsed, so a malformed expression is
/// refused when the API call arrives rather than when the scheduler runs.
/// </summary>
public sealed record PlacementConstraint
{
    private PlacementConstraint(PlacementConstraintType type, ClusterQueryExpression? expression)
    {
        Type = type;
        Expression = expression;
    }

    /// <summary>The ECS limit on constraints per task, counting the task definition's.</summary>
    public const int MaxPerTask = 10;

    /// <summary>The constraint type.</summary>
    public PlacementConstraintType Type { get; }

    /// <summary>The parsed expression of a <c>memberOf</c> constraint; null for <c>distinctInstance</c>.</summary>
    public ClusterQueryExpression? Expression { get; }

    /// <summary>The <c>distinctInstance</c> constraint.</summary>
    public static PlacementConstraint DistinctInstance { get; } = new(PlacementConstraintType.DistinctInstance, null);

    /// <summary>A <c>memberOf</c> constraint over a parsed expression.</summary>
    public static PlacementConstraint MemberOf(ClusterQueryExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new(PlacementConstraintType.MemberOf, expression);
    }

    /// <summary>
    /// Builds a constraint from its wire form (<c>type</c>, <c>expression</c>) with ECS's rules:
    /// <c>distinctInstance</c> takes no expression, <c>memberOf</c> needs one that parses.
    /// </summary>
    /// <returns>False with a message for an <c>InvalidParameterException</c> when the input is not valid.</returns>
    public static bool TryCreate(
        string? type,
        string? expression,
        [NotNullWhen(true)] out PlacementConstraint? constraint,
        [NotNullWhen(false)] out string? error)
    {
        constraint = null;
        switch (type)
        {
            case "distinctInstance":
                if (!string.IsNullOrEmpty(expression))
                {
                    error = "An expression can't be specified for a distinctInstance placement constraint.";
                    return false;
                }

                constraint = DistinctInstance;
                error = null;
                return true;
            case "memberOf":
                if (string.IsNullOrWhiteSpace(expression))
                {
                    error = "A memberOf placement constraint requires an expression.";
                    return false;
                }

                if (!ClusterQuery.TryParse(expression, out var parsed, out error))
                {
                    return false;
                }

                constraint = MemberOf(parsed);
                return true;
            default:
                error = $"Invalid placement constraint type '{type}'. Valid values are distinctInstance and memberOf.";
                return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Type == PlacementConstraintType.DistinctInstance
        ? "distinctInstance"
        : $"memberOf({Expression})";
}
