namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// The task-count bounds of a rolling update as ECS computes them: at least
/// <see cref="Lower"/> healthy RUNNING tasks (desiredCount × minimumHealthyPercent / 100, rounded
/// up) and at most <see cref="Upper"/> RUNNING or PENDING tasks (desiredCount × maximumPercent /
/// 100, rounded down). The same bounds govern moving tasks off DRAINING instances.
/// </summary>
/// <param name="Lower">The fewest healthy tasks the scheduler may leave running.</param>
/// <param name="Upper">The most tasks the scheduler may have running or pending.</param>
public readonly record struct DeploymentBounds(int Lower, int Upper)
{
    /// <summary>Computes the bounds. Examples from the ECS guide: 4 tasks at 50% → lower 2; 2 tasks at 75% → lower 2; 3 tasks at 125% → upper 3.</summary>
    public static DeploymentBounds For(int desiredCount, int minimumHealthyPercent, int maximumPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(desiredCount);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumHealthyPercent);
        ArgumentOutOfRangeException.ThrowIfNegative(maximumPercent);
        var lower = (((long)desiredCount * minimumHealthyPercent) + 99) / 100;
        var upper = (long)desiredCount * maximumPercent / 100;
        return new DeploymentBounds((int)Math.Min(lower, int.MaxValue), (int)Math.Min(upper, int.MaxValue));
    }

    /// <summary>
    /// Whether a rollout under these bounds can make progress on its own: it may start a task
    /// beyond the desired count or stop one below it. When neither holds (for example 100%/100%,
    /// or 1 task at 100%/150%), ECS reports that it "was unable to stop or start tasks during a
    /// deployment because of the service deployment configuration".
    /// </summary>
    public bool AllowsProgress(int desiredCount) => Upper > desiredCount || Lower < desiredCount;
}
