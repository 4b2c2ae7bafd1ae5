using System.Diagnostics.CodeAnalysis;

namespace Wharf.Scheduling.Query;

/// <summary>
/// Entry point of the ECS cluster query language, used by <c>memberOf</c> placement constraints
/// and by <c>ListContainerInstances --filter</c>.
/// </summary>
public static class ClusterQuery
{
    /// <summary>The longest expression ECS accepts.</summary>
    public const int MaxExpressionLength = 2000;

    /// <summary>Parses an expression.</summary>
    /// <exception cref="ClusterQueryException">The expression does not parse; the message names the position.</exception>
    public static ClusterQueryExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new ClusterQueryExpression(expression, QueryParser.Parse(expression));
    }

    /// <summary>Parses an expression, returning the error message instead of throwing.</summary>
    public static bool TryParse(
        string expression,
        [NotNullWhen(true)] out ClusterQueryExpression? result,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(expression);
        try
        {
            result = Parse(expression);
            error = null;
            return true;
        }
        catch (ClusterQueryException e)
        {
            result = null;
            error = e.Message;
            return false;
        }
    }
}
