namespace Wharf.Core.Arns;

/// <summary>
/// Shapes of ECS ids. Task and container instance ids are 32 lowercase hex characters (older ones
/// are UUIDs, which ECS still accepts: "length should be one of [32,36]"); container ids are UUIDs.
/// </summary>
public static class EcsIds
{
    /// <summary>True for 32 hex characters or a hyphenated UUID (either case).</summary>
    public static bool IsValidTaskId(string? id) => IsHexId(id);

    /// <summary>Same shape as a task id.</summary>
    public static bool IsValidContainerInstanceId(string? id) => IsHexId(id);

    /// <summary>True for a hyphenated UUID.</summary>
    public static bool IsValidContainerId(string? id) => id is { Length: 36 } && Guid.TryParseExact(id, "D", out _);

    /// <summary>True for <c>ecs-svc/</c> followed by 1 to 19 digits, the shape of deployment and task set ids.</summary>
    public static bool IsValidServiceScopedId(string? id)
    {
        const string prefix = "ecs-svc/";
        if (id is null || !id.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = id.AsSpan(prefix.Length);
        return digits.Length is >= 1 and <= 19 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsHexId(string? id) => id switch
    {
        { Length: 32 } => Guid.TryParseExact(id, "N", out _),
        { Length: 36 } => Guid.TryParseExact(id, "D", out _),
        _ => false,
    };
}
