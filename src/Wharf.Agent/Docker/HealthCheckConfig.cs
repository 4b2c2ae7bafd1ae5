namespace Wharf.Agent.Docker;

/// <summary>A Docker health check.</summary>
/// <param name="Test"><c>["CMD-SHELL", "…"]</c> or <c>["CMD", …]</c>.</param>
internal sealed record HealthCheckConfig(
    IReadOnlyList<string> Test, TimeSpan Interval, TimeSpan Timeout, int Retries, TimeSpan StartPeriod);
