namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// The deployment circuit breaker's arithmetic. ECS: "The deployment circuit breaker has a
/// minimum threshold of 3 and a maximum threshold of 200 and uses … 0.5 * desired task count";
/// the guide's examples round up (25 tasks → 13). Failures count in two stages: tasks of the
/// deployment that never reach RUNNING, then, once one is RUNNING, tasks that fail health checks
/// (container, load balancer). At the threshold the deployment is FAILED, launches no more tasks,
/// and rolls back when rollback is on.
/// </summary>
public static class DeploymentCircuitBreaker
{
    /// <summary>The smallest bounded threshold.</summary>
    public const int MinimumThreshold = 3;

    /// <summary>The largest bounded threshold.</summary>
    public const int MaximumThreshold = 200;

    /// <summary>The default percent (<c>BOUNDED_PERCENT</c>, 50).</summary>
    public const int DefaultPercent = 50;

    /// <summary>The default threshold: ⌈0.5 × desired⌉ within [3, 200].</summary>
    public static int FailureThreshold(int desiredCount) =>
        FailureThreshold(desiredCount, CircuitBreakerThresholdType.BoundedPercent, DefaultPercent);

    /// <summary>The threshold for a <c>ThresholdConfiguration</c>.</summary>
    public static int FailureThreshold(int desiredCount, CircuitBreakerThresholdType type, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(desiredCount);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var percentOfDesired = (int)Math.Min(int.MaxValue, (((long)desiredCount * value) + 99) / 100);
        return type switch
        {
            CircuitBreakerThresholdType.Count => Math.Max(1, value),
            CircuitBreakerThresholdType.UnboundedPercent => Math.Max(1, percentOfDesired),
            _ => Math.Clamp(percentOfDesired, MinimumThreshold, MaximumThreshold),
        };
    }

    /// <summary>Whether a deployment with this many counted failures has failed.</summary>
    public static bool IsTripped(int failureCount, int threshold) => failureCount >= threshold;
}
