using System.Globalization;
using Xunit;

namespace Wharf.Storage.Tests.Sqlite;

public sealed class SqliteStateStoreConcurrencyTests : SqliteStoreFixture
{
    [Fact]
    public async Task RetryOnConflictAsync_ManyConcurrentIncrements_NoUpdateLost()
    {
        // Eight tight loops on one document is far hotter than any real document; optimistic
        // concurrency is not fair, so one closure may lose many times in a row. What must hold is that
        // no increment is ever lost, so the attempt bound is set out of the way.
        const int workers = 8;
        const int incrementsEach = 25;
        const int unbounded = 100_000;
        await PutAsync("counter", "c", "", "0", 0);

        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < incrementsEach; i++)
            {
                await Store.RetryOnConflictAsync(IncrementAsync, Ct, unbounded);
            }
        }));
        await Task.WhenAll(tasks);

        var counter = await Store.GetAsync("counter", "c", Ct);
        Assert.Equal((workers * incrementsEach).ToString(CultureInfo.InvariantCulture), counter!.Body);
        Assert.Equal(1 + (workers * incrementsEach), counter.Version);
    }

    [Fact]
    public async Task RetryOnConflictAsync_WithResult_ReturnsSuccessfulAttemptsResult()
    {
        var attempts = 0;
        await PutAsync("cluster", "c1", "", "", 0);

        var result = await Store.RetryOnConflictAsync(
            async ct =>
            {
                attempts++;
                var transaction = Store.BeginTransaction();
                transaction.Put("cluster", "c1", "", "x", attempts < 3 ? 99 : 1);
                await transaction.CommitAsync(ct);
                return attempts;
            },
            Ct);

        Assert.Equal(3, result);
    }

    [Fact]
    public async Task RetryOnConflictAsync_AlwaysConflicts_RethrowsAfterMaxAttempts()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.RetryOnConflictAsync(
            async ct =>
            {
                attempts++;
                var transaction = Store.BeginTransaction();
                transaction.Put("cluster", "missing", "", "x", 5);
                await transaction.CommitAsync(ct);
            },
            Ct,
            maxAttempts: 4).AsTask());

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task RetryOnConflictAsync_OtherException_NotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.RetryOnConflictAsync(
            _ =>
            {
                attempts++;
                throw new InvalidOperationException();
            },
            Ct).AsTask());

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Reads_DuringManyCommits_AlwaysSeeWholeCommits()
    {
        // Two documents always written together with the same body: a reader must never see them differ.
        var seed = Store.BeginTransaction();
        seed.Put("pair", "a", "", "0", 0);
        seed.Put("pair", "b", "", "0", 0);
        await seed.CommitAsync(Ct);

        const int readerCount = 4;
        using var stop = new CancellationTokenSource();
        var started = 0;
        var allReadersStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var readers = Enumerable.Range(0, readerCount).Select(_ => Task.Run(async () =>
        {
            var reads = 0;
            do
            {
                var pair = await Store.ListAsync("pair", null, Ct);
                Assert.Equal(2, pair.Count);
                Assert.Equal(pair[0].Body, pair[1].Body);
                Assert.Equal(pair[0].Version, pair[1].Version);
                if (++reads == 1 && Interlocked.Increment(ref started) == readerCount)
                {
                    allReadersStarted.SetResult();
                }
            }
            while (!stop.IsCancellationRequested);

            return reads;
        })).ToList();

        // Writes start once every reader is reading, so reads and commits overlap even on a busy machine.
        try
        {
            await allReadersStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            for (var i = 1; i <= 200; i++)
            {
                var transaction = Store.BeginTransaction();
                var body = i.ToString(CultureInfo.InvariantCulture);
                transaction.Put("pair", "a", "", body, i);
                transaction.Put("pair", "b", "", body, i);
                await transaction.CommitAsync(Ct);
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        var totalReads = (await Task.WhenAll(readers)).Sum();
        Assert.True(totalReads >= readerCount);
    }

    private async ValueTask IncrementAsync(CancellationToken cancellationToken)
    {
        var current = await Store.GetAsync("counter", "c", cancellationToken);
        var value = int.Parse(current!.Body, CultureInfo.InvariantCulture) + 1;
        var transaction = Store.BeginTransaction();
        transaction.Put("counter", "c", "", value.ToString(CultureInfo.InvariantCulture), current.Version);
        await transaction.CommitAsync(cancellationToken);
    }
}
