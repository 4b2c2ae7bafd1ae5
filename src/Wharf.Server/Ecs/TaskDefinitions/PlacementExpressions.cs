using Wharf.Scheduling.Query;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>Checks <c>memberOf</c> expressions with the scheduler's cluster query parser, so what is stored will place.</summary>
internal static class PlacementExpressions
{
    /// <exception cref="Protocol.Errors.AwsServiceException">InvalidParameterException naming where the expression fails to parse.</exception>
    public static void Validate(string expression)
    {
        if (expression.Length > ClusterQuery.MaxExpressionLength)
        {
            throw EcsErrors.InvalidParameter(
                $"The placement constraint expression is {expression.Length} characters long; the maximum is {ClusterQuery.MaxExpressionLength}.");
        }

        if (!ClusterQuery.TryParse(expression, out _, out var error))
        {
            throw EcsErrors.InvalidParameter($"Invalid placement constraint expression '{expression}': {error}");
        }
    }
}
