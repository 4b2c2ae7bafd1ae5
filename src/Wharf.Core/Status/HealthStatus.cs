namespace Wharf.Core.Status;

/// <summary>
/// Health of a container or task (<c>healthStatus</c>). Not ordered: health may move either way.
/// </summary>
public enum HealthStatus
{
    /// <summary>No health check, or no result yet.</summary>
    Unknown = 0,

    /// <summary>The health check passes.</summary>
    Healthy = 1,

    /// <summary>The health check fails.</summary>
    Unhealthy = 2,
}
