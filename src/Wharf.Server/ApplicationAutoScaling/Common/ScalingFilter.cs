namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>The filters DescribeScalingPolicies and DescribeScheduledActions share.</summary>
internal static class ScalingFilter
{
    /// <summary>
    /// The records on <paramref name="resourceId"/>, of <paramref name="dimension"/> and named in
    /// <paramref name="names"/> (each filter only when given), ordered by resource id, then name.
    /// </summary>
    public static List<T> Apply<T>(IEnumerable<T> records, string? resourceId, string? dimension, List<string>? names)
        where T : INamedScalingRecord
    {
        var wanted = names is { Count: > 0 } ? names.ToHashSet(StringComparer.Ordinal) : null;
        return records
            .Where(r => resourceId is null || r.ResourceId == resourceId)
            .Where(r => dimension is null || r.ScalableDimension == dimension)
            .Where(r => wanted is null || wanted.Contains(r.RecordName))
            .OrderBy(r => r.ResourceId, StringComparer.Ordinal)
            .ThenBy(r => r.RecordName, StringComparer.Ordinal)
            .ToList();
    }
}
