namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>Tag rules of scalable targets (the only taggable Application Auto Scaling resource).</summary>
internal static class ScalingTags
{
    public const int MaxTags = 50;

    /// <summary>The tags after adding <paramref name="added"/>, validated as TagResource does.</summary>
    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> existing, IReadOnlyDictionary<string, string>? added)
    {
        var result = new Dictionary<string, string>(existing, StringComparer.Ordinal);
        foreach (var (key, value) in added ?? new Dictionary<string, string>())
        {
            if (key.Length is 0 or > 128 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw ScalingErrors.Validation($"Tag key '{key}' is not valid: 1 to 128 characters, not starting with aws:.");
            }

            if (value.Length > 256)
            {
                throw ScalingErrors.Validation($"The value of tag '{key}' is longer than 256 characters.");
            }

            result[key] = value;
        }

        return result.Count > MaxTags ? throw ScalingErrors.TooManyTags() : result;
    }
}
