using System.Text.RegularExpressions;
using Wharf.Core.Model;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Attributes;

/// <summary>
/// ECS's rules for attributes: names of 1–128 letters, digits, <c>- _ / \ .</c>; values of 1–128
/// letters, digits, <c>- _ . @ / \ :</c> and inner spaces; at most 10 custom attributes per
/// resource (those the agent sets, <c>ecs.*</c> and <c>com.amazonaws.ecs.*</c>, do not count).
/// </summary>
internal static partial class AttributeRules
{
    public const int MaxCustomAttributes = 10;
    public const string ContainerInstanceTarget = "container-instance";

    public static void Validate(string? name, string? value)
    {
        if (name is null || name.Length is 0 or > 128 || !NameCharacters().IsMatch(name))
        {
            throw EcsErrors.InvalidParameter(
                $"Invalid attribute name '{name}': a name is 1 to 128 letters, numbers, hyphens, underscores, forward slashes, back slashes or periods.");
        }

        if (value is not null
            && (value.Length is 0 or > 128 || !ValueCharacters().IsMatch(value) || value.StartsWith(' ') || value.EndsWith(' ')))
        {
            throw EcsErrors.InvalidParameter(
                $"Invalid value for attribute '{name}': a value is 1 to 128 letters, numbers, hyphens, underscores, periods, at signs, slashes, back slashes, colons or spaces, and doesn't start or end with a space.");
        }
    }

    public static void ValidateTargetType(string? targetType)
    {
        if (targetType is not null && targetType != ContainerInstanceTarget)
        {
            throw EcsErrors.NotOneOf("targetType", targetType, ContainerInstanceTarget);
        }
    }

    /// <summary>Whether the agent set it (it does not count against the custom attribute limit).</summary>
    public static bool IsAgentAttribute(string name) =>
        name.StartsWith("ecs.", StringComparison.Ordinal) || name.StartsWith("com.amazonaws.ecs.", StringComparison.Ordinal);

    /// <summary>Adds or replaces attributes by name; refuses a result with more than 10 custom attributes.</summary>
    public static List<AttributeRecord> Merge(IEnumerable<AttributeRecord> existing, IEnumerable<AttributeRecord> updates, string targetId)
    {
        var merged = existing.ToList();
        foreach (var update in updates)
        {
            var index = merged.FindIndex(a => a.Name == update.Name);
            if (index >= 0)
            {
                merged[index] = update;
            }
            else
            {
                merged.Add(update);
            }
        }

        if (merged.Count(a => !IsAgentAttribute(a.Name)) > MaxCustomAttributes)
        {
            throw EcsErrors.AttributeLimitExceeded(
                $"You can apply up to {MaxCustomAttributes} custom attributes for each resource; {targetId} would have more.");
        }

        return merged;
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-_/\\.]+$")]
    private static partial Regex NameCharacters();

    [GeneratedRegex(@"^[A-Za-z0-9\-_.@/\\: ]+$")]
    private static partial Regex ValueCharacters();
}
