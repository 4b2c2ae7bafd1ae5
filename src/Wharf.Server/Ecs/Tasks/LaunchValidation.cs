using System.Text.RegularExpressions;
using Wharf.Core.Model;
using Wharf.Server.Ecs.Common;
using Wire = Wharf.Protocol.Generated.Ecs;
using SchedulingConstraint = Wharf.Scheduling.Model.PlacementConstraint;
using SchedulingStrategy = Wharf.Scheduling.Model.PlacementStrategy;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// The field rules of RunTask and StartTask that need no state, with the limits of the ECS API
/// reference. Every failure is an <c>InvalidParameterException</c> naming the field.
/// </summary>
internal static partial class LaunchValidation
{
    public const int MaxCount = 10;
    public const int MaxGroupLength = 255;
    public const int MaxClientTokenLength = 64;
    public const int MaxStopReasonLength = 255;

    public static readonly string[] LaunchTypes = ["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"];

    /// <summary>RunTask's <c>count</c>: omitted means 1; "You can specify up to 10 tasks for each call."</summary>
    public static int Count(int? count) => count switch
    {
        null => 1,
        >= 1 and <= MaxCount => count.Value,
        _ => throw EcsErrors.InvalidParameter($"count must be between 1 and {MaxCount}; {count} was given."),
    };

    /// <summary>Letters, digits, hyphens, forward slashes and underscores, up to <paramref name="limit"/> characters.</summary>
    public static string? StartedBy(string? startedBy, int limit)
    {
        if (string.IsNullOrEmpty(startedBy))
        {
            return null;
        }

        return startedBy.Length <= limit && StartedByCharacters().IsMatch(startedBy)
            ? startedBy
            : throw EcsErrors.InvalidParameter(
                $"Invalid startedBy '{startedBy}': up to {limit} letters (uppercase and lowercase), numbers, hyphens (-), forward slash (/), and underscores (_) are allowed.");
    }

    public static string Group(string? group, string family)
    {
        if (string.IsNullOrEmpty(group))
        {
            return $"family:{family}";
        }

        return group.Length <= MaxGroupLength
            ? group
            : throw EcsErrors.InvalidParameter($"Invalid group: a task group name is at most {MaxGroupLength} characters.");
    }

    /// <summary>"Up to 64 characters are allowed. The valid characters are characters in the range of 33-126, inclusive."</summary>
    public static string? ClientToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        if (token.Length is 0 or > MaxClientTokenLength || token.Any(c => c is < (char)33 or > (char)126))
        {
            throw EcsErrors.InvalidParameter(
                $"Invalid clientToken: up to {MaxClientTokenLength} characters in the range 33-126 (printable ASCII without spaces) are allowed.");
        }

        return token;
    }

    /// <summary>True to copy the task definition's tags; SERVICE is refused for tasks a service did not start.</summary>
    public static bool PropagateFromDefinition(string? propagateTags) => propagateTags switch
    {
        null or "NONE" => false,
        "TASK_DEFINITION" => true,
        "SERVICE" => throw EcsErrors.InvalidParameter(
            "The SERVICE option of propagateTags is only valid for tasks started by a service; use TASK_DEFINITION or NONE."),
        _ => throw EcsErrors.NotOneOf("propagateTags", propagateTags, "TASK_DEFINITION", "SERVICE", "NONE"),
    };

    /// <summary>The launch type asked for (EC2 when neither it nor a capacity provider strategy is given).</summary>
    public static string LaunchType(string? launchType, IReadOnlyList<Wire.CapacityProviderStrategyItem>? strategy)
    {
        if (launchType is not null && strategy is { Count: > 0 })
        {
            throw EcsErrors.InvalidParameter(
                "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
        }

        return launchType switch
        {
            null => "EC2",
            _ when LaunchTypes.Contains(launchType, StringComparer.Ordinal) => launchType,
            _ => throw EcsErrors.NotOneOf("launchType", launchType, LaunchTypes),
        };
    }

    /// <summary>
    /// The platform version of a launch or service: only FARGATE takes one ("The platform version
    /// must be null when specifying an EC2 launch type."), and only one Fargate offers; LATEST when
    /// none was given.
    /// </summary>
    public static string? PlatformVersion(string? given, string launchType)
    {
        if (launchType != FargateCapacity.LaunchType)
        {
            return given is null
                ? null
                : throw EcsErrors.InvalidParameter($"The platform version must be null when specifying an {launchType} launch type.");
        }

        return given switch
        {
            null => FargateCapacity.Latest,
            _ when FargateCapacity.PlatformVersions.Contains(given, StringComparer.Ordinal) => given,
            _ => throw EcsErrors.InvalidParameter($"The specified platform version {given} does not exist."),
        };
    }

    /// <summary>StopTask's <c>reason</c>: "Up to 255 characters are allowed in this message."</summary>
    public static void StopReason(string? reason)
    {
        if (reason is { Length: > MaxStopReasonLength })
        {
            throw EcsErrors.InvalidParameter($"reason can be at most {MaxStopReasonLength} characters; {reason.Length} were given.");
        }
    }

    /// <summary>
    /// The request's constraints, parsed; with the definition's, at most 10 ("You can specify up to
    /// 10 constraints for each task (including constraints in the task definition and those specified at runtime)").
    /// </summary>
    public static IReadOnlyList<SchedulingConstraint> Constraints(IReadOnlyList<Wire.PlacementConstraint>? given, int definitionConstraints)
    {
        var count = (given?.Count ?? 0) + definitionConstraints;
        if (count > SchedulingConstraint.MaxPerTask)
        {
            throw EcsErrors.InvalidParameter(
                $"Too many placement constraints: {count} including the task definition's; at most {SchedulingConstraint.MaxPerTask} are allowed per task.");
        }

        var result = new List<SchedulingConstraint>();
        foreach (var constraint in given ?? [])
        {
            result.Add(SchedulingConstraint.TryCreate(constraint.Type, constraint.Expression, out var parsed, out var error)
                ? parsed
                : throw EcsErrors.InvalidParameter(error));
        }

        return result;
    }

    /// <summary>The request's strategies, parsed; at most 5. Null when none were given (the defaults apply).</summary>
    public static IReadOnlyList<SchedulingStrategy>? Strategies(IReadOnlyList<Wire.PlacementStrategy>? given)
    {
        if (given is null || given.Count == 0)
        {
            return null;
        }

        if (given.Count > SchedulingStrategy.MaxPerRequest)
        {
            throw EcsErrors.InvalidParameter(
                $"Too many placement strategies: {given.Count}; at most {SchedulingStrategy.MaxPerRequest} are allowed.");
        }

        return given
            .Select(s => SchedulingStrategy.TryCreate(s.Type, s.Field, out var parsed, out var error)
                ? parsed
                : throw EcsErrors.InvalidParameter(error))
            .ToList();
    }

    [GeneratedRegex("^[A-Za-z0-9_/-]+$")]
    private static partial Regex StartedByCharacters();
}
