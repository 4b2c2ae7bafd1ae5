namespace Wharf.Scheduling.Reconcilers;

/// <summary>How the circuit breaker threshold is derived (ECS <c>ThresholdConfiguration.type</c>).</summary>
public enum CircuitBreakerThresholdType
{
    /// <summary><c>BOUNDED_PERCENT</c> (default): value% of the desired count, rounded up, kept within 3–200.</summary>
    BoundedPercent,

    /// <summary><c>UNBOUNDED_PERCENT</c>: value% of the desired count, rounded up, at least 1.</summary>
    UnboundedPercent,

    /// <summary><c>COUNT</c>: the value itself.</summary>
    Count,
}
