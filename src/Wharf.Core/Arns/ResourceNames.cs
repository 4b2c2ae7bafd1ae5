using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Arns;

/// <summary>
/// ECS's rule for names of clusters, services, task definition families and capacity providers:
/// 1 to 255 ASCII letters, digits, underscores and hyphens.
/// </summary>
public static class ResourceNames
{
    /// <summary>The longest name ECS accepts.</summary>
    public const int MaxLength = 255;

    /// <summary>The name ECS assumes when a request names no cluster.</summary>
    public const string DefaultClusterName = "default";

    private static readonly SearchValues<char> s_nameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    /// <summary>True for 1 to 255 letters, digits, underscores and hyphens.</summary>
    public static bool IsValidName([NotNullWhen(true)] string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && !name.AsSpan().ContainsAnyExcept(s_nameChars);

    /// <summary>
    /// A valid name that does not start with <c>aws</c>, <c>ecs</c> or <c>fargate</c> (any case),
    /// which ECS reserves for its own capacity providers.
    /// </summary>
    public static bool IsValidCapacityProviderName(string? name) =>
        IsValidName(name)
        && !name.StartsWith("aws", StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith("ecs", StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith("fargate", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rule in words, for error messages, e.g. "family names may contain …".</summary>
    public static string NameRule(string what) =>
        $"{what} names must be 1 to {MaxLength} characters: letters (uppercase and lowercase), numbers, underscores and hyphens.";
}
