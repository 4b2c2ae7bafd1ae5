using Wharf.Core.Model;

namespace Wharf.LoadBalancer.Health;

/// <summary>
/// Consecutive check results of one target and the state they lead to, as ALB moves targets: a new
/// (initial) target is healthy after one passed check and unhealthy after the unhealthy threshold
/// of failures; a healthy target turns unhealthy after that many failures in a row; an unhealthy
/// one turns healthy after the healthy threshold of passes in a row. Not thread-safe: one check of
/// a target is in flight at a time.
/// </summary>
internal sealed class TargetHealthTracker
{
    public int Successes { get; private set; }

    public int Failures { get; private set; }

    /// <summary>When the next check is due.</summary>
    public DateTimeOffset NextCheckAt { get; set; }

    public bool InFlight { get; set; }

    /// <summary>Folds in one result; returns the new state when it changes (or its reason does), else null.</summary>
    public HealthVerdict? Observe(string state, string? reason, ProbeResult result, HealthCheckSettings settings)
    {
        if (result.Success)
        {
            Successes++;
            Failures = 0;
        }
        else
        {
            Failures++;
            Successes = 0;
        }

        var next = state switch
        {
            TargetStates.Initial when result.Success => Healthy,
            TargetStates.Initial when Failures >= settings.UnhealthyThreshold => Unhealthy(result),
            TargetStates.Initial => new HealthVerdict(TargetStates.Initial, TargetStates.InitialHealthChecking, "Initial health checks in progress"),
            TargetStates.Healthy when !result.Success && Failures >= settings.UnhealthyThreshold => Unhealthy(result),
            TargetStates.Unhealthy when result.Success && Successes >= settings.HealthyThreshold => Healthy,
            TargetStates.Unhealthy when !result.Success => Unhealthy(result),
            _ => null,
        };
        return next is not null && (next.State != state || next.Reason != reason) ? next : null;
    }

    private static readonly HealthVerdict Healthy = new(TargetStates.Healthy, null, null);

    private static HealthVerdict Unhealthy(ProbeResult result) => new(TargetStates.Unhealthy, result.Reason, result.Description);
}

/// <summary>A target's new health.</summary>
internal sealed record HealthVerdict(string State, string? Reason, string? Description);
