namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// A service task's health as the deployment bounds see it. The caller decides it from container
/// health checks, load balancer target health and the grace period: ECS counts a task without
/// health checks as healthy 40 s after it reaches RUNNING, and one with checks once they pass.
/// </summary>
public enum TaskHealth
{
    /// <summary>Not yet known (starting, within the grace period): counts toward neither healthy nor failed.</summary>
    Unknown,

    /// <summary>Counts toward the minimum healthy bound.</summary>
    Healthy,

    /// <summary>Failed its health checks: replaced.</summary>
    Unhealthy,
}
