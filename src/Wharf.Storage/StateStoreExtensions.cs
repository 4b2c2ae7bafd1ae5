namespace Wharf.Storage;

/// <summary>Helpers for callers of <see cref="IStateStore"/>.</summary>
public static class StateStoreExtensions
{
    /// <summary>How many times <see cref="RetryOnConflictAsync"/> runs a closure by default.</summary>
    public const int DefaultMaxAttempts = 50;

    private const int MaxBackoffMilliseconds = 20;

    /// <summary>
    /// Runs a read-compute-commit closure, and runs it again (reading afresh) when its commit
    /// conflicts, up to <paramref name="maxAttempts"/> times with a short jittered back-off between
    /// attempts. The closure must do all its reads inside, so each attempt sees the newest state; it
    /// must not have side effects outside the store that are unsafe to repeat. The last
    /// <see cref="ConcurrencyConflictException"/> is rethrown when every attempt conflicts.
    /// Optimistic concurrency is not fair: under heavy contention on one document an attempt can lose
    /// many times in a row, so hot documents want a larger <paramref name="maxAttempts"/> (or fewer writers).
    /// </summary>
    public static async ValueTask RetryOnConflictAsync(
        this IStateStore store,
        Func<CancellationToken, ValueTask> attempt,
        CancellationToken cancellationToken,
        int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await store.RetryOnConflictAsync(
            async ct =>
            {
                await attempt(ct);
                return true;
            },
            cancellationToken,
            maxAttempts);
    }

    /// <inheritdoc cref="RetryOnConflictAsync(IStateStore, Func{CancellationToken, ValueTask}, CancellationToken, int)"/>
    /// <returns>What the successful attempt returned.</returns>
    public static async ValueTask<TResult> RetryOnConflictAsync<TResult>(
        this IStateStore store,
        Func<CancellationToken, ValueTask<TResult>> attempt,
        CancellationToken cancellationToken,
        int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);

        for (var attemptNumber = 1; ; attemptNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await attempt(cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attemptNumber < maxAttempts)
            {
                await BackOffAsync(attemptNumber, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Full jitter over a window that grows 2, 4, 8, 16, 20 ms: contenders spread out instead of
    /// colliding again in lock step. The cap is small on purpose: a long back-off makes a waiting
    /// attempt lose to fresh ones (exponential back-off starves the unlucky), and an attempt costs only
    /// a read and a failed statement. Jitter is not logic under test, so it uses the shared random source.
    /// </summary>
    private static Task BackOffAsync(int attemptNumber, CancellationToken cancellationToken)
    {
        var window = Math.Min(MaxBackoffMilliseconds, 1 << Math.Min(attemptNumber, 10));
        return Task.Delay(Random.Shared.Next(1, window + 1), cancellationToken);
    }
}
