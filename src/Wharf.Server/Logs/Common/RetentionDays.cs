namespace Wharf.Server.Logs.Common;

/// <summary>The retention periods CloudWatch Logs accepts.</summary>
internal static class RetentionDays
{
    public static readonly IReadOnlyList<int> Allowed =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static void Validate(int days)
    {
        if (!Allowed.Contains(days))
        {
            throw LogsErrors.InvalidParameter(
                $"1 validation error detected: Value '{days}' at 'retentionInDays' failed to satisfy constraint: " +
                $"Member must satisfy enum value set: [{string.Join(", ", Allowed)}]");
        }
    }
}
