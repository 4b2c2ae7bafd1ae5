namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// The service throttle. ECS: when a service's tasks repeatedly fail to reach RUNNING (PENDING
/// straight to STOPPED), "the time between subsequent restart attempts is incrementally increased
/// up to a maximum of 15 minutes"; tasks that stop after reaching RUNNING do not count, and a new
/// task definition resets it. ECS does not publish the steps; Wharf retries the first
/// <see cref="FreeRetries"/> failures at once (a flaky pull should not wait), then waits 10 s,
/// doubling per further failure, capped at 15 minutes.
/// </summary>
public static class TaskLaunchBackoff
{
    /// <summary>Consecutive failures retried without delay.</summary>
    public const int FreeRetries = 2;

    /// <summary>The first delay once the throttle engages.</summary>
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay.</summary>
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether the throttle is engaged, which is when ECS emits "is unable to consistently start
    /// tasks successfully".
    /// </summary>
    public static bool IsThrottled(int consecutiveLaunchFailures) => consecutiveLaunchFailures > FreeRetries;

    /// <summary>How long to wait before the next launch after this many consecutive launch failures.</summary>
    /// <param name="consecutiveLaunchFailures">Failures to reach RUNNING since the last task that did.</param>
    /// <param name="random">Optional jitter source: adds up to 10% so many services do not retry in step.</param>
    public static TimeSpan Delay(int consecutiveLaunchFailures, Random? random = null)
    {
        if (!IsThrottled(consecutiveLaunchFailures))
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(consecutiveLaunchFailures - FreeRetries - 1, 16);
        var delay = TimeSpan.FromTicks(Math.Min(InitialDelay.Ticks << doublings, MaximumDelay.Ticks));
        if (random is not null)
        {
            delay += TimeSpan.FromTicks((long)(delay.Ticks * 0.1 * random.NextDouble()));
        }

        return delay > MaximumDelay ? MaximumDelay : delay;
    }
}
