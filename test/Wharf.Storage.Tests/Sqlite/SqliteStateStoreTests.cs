using Xunit;

namespace Wharf.Storage.Tests.Sqlite;

public sealed class SqliteStateStoreTests : SqliteStoreFixture
{
    [Fact]
    public async Task Put_NewDocument_GetReturnsItAtVersion1()
    {
        await PutAsync("cluster", "c1", "", """{"name":"c1"}""", 0);

        var document = await Store.GetAsync("cluster", "c1", Ct);

        Assert.Equal(new StoredDocument("cluster", "c1", "", 1, """{"name":"c1"}"""), document);
    }

    [Fact]
    public async Task Get_Missing_Null()
    {
        Assert.Null(await Store.GetAsync("cluster", "nope", Ct));
    }

    [Fact]
    public async Task Put_WithVersionRead_IncrementsVersionAndReplacesBodyAndPartition()
    {
        await PutAsync("task", "t1", "c1", "a", 0);
        await PutAsync("task", "t1", "c1", "b", 1);
        await PutAsync("task", "t1", "c2", "c", 2);

        Assert.Equal(new StoredDocument("task", "t1", "c2", 3, "c"), await Store.GetAsync("task", "t1", Ct));
        Assert.Empty(await Store.ListAsync("task", "c1", Ct));
    }

    [Fact]
    public async Task Put_StaleVersion_ConflictNamingKindAndKeyAndNothingWritten()
    {
        await PutAsync("service", "web", "c1", "v1", 0);
        await PutAsync("service", "web", "c1", "v2", 1);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => PutAsync("service", "web", "c1", "stale", 1));

        Assert.Contains("service 'web'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("found version 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal("v2", (await Store.GetAsync("service", "web", Ct))!.Body);
    }

    [Fact]
    public async Task Put_CreateWhenExists_Conflict()
    {
        await PutAsync("cluster", "c1", "", "first", 0);

        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => PutAsync("cluster", "c1", "", "second", 0));

        Assert.Contains("cluster 'c1'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("first", (await Store.GetAsync("cluster", "c1", Ct))!.Body);
    }

    [Fact]
    public async Task Put_UpdateWhenMissing_Conflict()
    {
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => PutAsync("cluster", "ghost", "", "x", 3));
        Assert.Contains("found no document", ex.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync("cluster", "ghost", Ct));
    }

    [Fact]
    public async Task Commit_LastOfSeveralWritesConflicts_NothingWritten()
    {
        await PutAsync("task", "existing", "c1", "old", 0);
        await PutAsync("cluster", "c1", "", "cluster-v1", 0);

        var transaction = Store.BeginTransaction();
        transaction.Put("task", "new-1", "c1", "n1", 0);
        transaction.Put("task", "new-2", "c1", "n2", 0);
        transaction.Put("cluster", "c1", "", "cluster-v2", 1);
        transaction.Delete("task", "existing", 1);
        transaction.Put("task", "existing-too", "c1", "x", 0);
        transaction.Put("task", "existing", "c1", "stale", 7);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => transaction.CommitAsync(Ct).AsTask());

        Assert.Null(await Store.GetAsync("task", "new-1", Ct));
        Assert.Null(await Store.GetAsync("task", "new-2", Ct));
        Assert.Null(await Store.GetAsync("task", "existing-too", Ct));
        Assert.Equal(new StoredDocument("task", "existing", "c1", 1, "old"), await Store.GetAsync("task", "existing", Ct));
        Assert.Equal(new StoredDocument("cluster", "c1", "", 1, "cluster-v1"), await Store.GetAsync("cluster", "c1", Ct));
    }

    [Fact]
    public async Task Commit_SeveralDocuments_AllWrittenAtomically()
    {
        var transaction = Store.BeginTransaction();
        for (var i = 0; i < 500; i++)
        {
            transaction.Put("task", $"t{i:D4}", "c1", $"body{i}", 0);
        }

        await transaction.CommitAsync(Ct);

        var all = await Store.ListAsync("task", "c1", Ct);
        Assert.Equal(500, all.Count);
        Assert.All(all, d => Assert.Equal(1, d.Version));
    }

    [Fact]
    public async Task Commit_SameKeyTwiceInOneTransaction_Chains()
    {
        var transaction = Store.BeginTransaction();
        transaction.Put("task", "t1", "c1", "a", 0);
        transaction.Put("task", "t1", "c1", "b", 1);
        await transaction.CommitAsync(Ct);

        Assert.Equal(new StoredDocument("task", "t1", "c1", 2, "b"), await Store.GetAsync("task", "t1", Ct));
    }

    [Fact]
    public async Task Delete_AtVersion_Removes()
    {
        await PutAsync("task", "t1", "c1", "a", 0);

        var transaction = Store.BeginTransaction();
        transaction.Delete("task", "t1", 1);
        await transaction.CommitAsync(Ct);

        Assert.Null(await Store.GetAsync("task", "t1", Ct));
    }

    [Fact]
    public async Task Delete_StaleOrMissing_Conflict()
    {
        await PutAsync("task", "t1", "c1", "a", 0);
        await PutAsync("task", "t1", "c1", "b", 1);

        var stale = Store.BeginTransaction();
        stale.Delete("task", "t1", 1);
        var ex = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale.CommitAsync(Ct).AsTask());
        Assert.Contains("delete", ex.Message, StringComparison.Ordinal);

        var missing = Store.BeginTransaction();
        missing.Delete("task", "nope", 1);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => missing.CommitAsync(Ct).AsTask());

        Assert.NotNull(await Store.GetAsync("task", "t1", Ct));
    }

    [Fact]
    public async Task Delete_ThenCreateAgain_StartsAtVersion1()
    {
        await PutAsync("cluster", "c1", "", "a", 0);
        var transaction = Store.BeginTransaction();
        transaction.Delete("cluster", "c1", 1);
        transaction.Put("cluster", "c1", "", "b", 0);
        await transaction.CommitAsync(Ct);

        Assert.Equal(1, (await Store.GetAsync("cluster", "c1", Ct))!.Version);
    }

    [Fact]
    public async Task Kinds_SameKey_Independent()
    {
        await PutAsync("cluster", "x", "", "cluster", 0);
        await PutAsync("service", "x", "", "service", 0);

        Assert.Equal("cluster", (await Store.GetAsync("cluster", "x", Ct))!.Body);
        Assert.Equal("service", (await Store.GetAsync("service", "x", Ct))!.Body);
        Assert.Single(await Store.ListAsync("cluster", null, Ct));
    }

    [Fact]
    public async Task Transaction_CommitTwice_Throws()
    {
        var transaction = Store.BeginTransaction();
        transaction.Put("cluster", "c1", "", "a", 0);
        await transaction.CommitAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.CommitAsync(Ct).AsTask());
        Assert.Throws<InvalidOperationException>(() => transaction.Put("cluster", "c2", "", "a", 0));
    }

    [Fact]
    public async Task Transaction_Empty_CommitsNothing()
    {
        var raised = 0;
        Store.Changed += (_, _) => raised++;
        var transaction = Store.BeginTransaction();

        Assert.True(transaction.IsEmpty);
        await transaction.CommitAsync(Ct);
        Assert.Equal(0, raised);
    }

    [Fact]
    public void Transaction_BadArguments_Throw()
    {
        var transaction = Store.BeginTransaction();
        Assert.Throws<ArgumentException>(() => transaction.Put("", "k", "", "b", 0));
        Assert.Throws<ArgumentException>(() => transaction.Put("kind", "", "", "b", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => transaction.Put("kind", "k", "", "b", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => transaction.Delete("kind", "k", 0));
        Assert.True(transaction.IsEmpty);
    }

    [Fact]
    public async Task Commit_CancelledBeforeStart_NothingWritten()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var transaction = Store.BeginTransaction();
        transaction.Put("cluster", "c1", "", "a", 0);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transaction.CommitAsync(cancelled.Token).AsTask());
        Assert.Null(await Store.GetAsync("cluster", "c1", Ct));
    }

    [Fact]
    public async Task Reopen_AfterDispose_DocumentsAndVersionsPersist()
    {
        await PutAsync("cluster", "c1", "", "a", 0);
        await PutAsync("cluster", "c1", "", "b", 1);
        await PutAsync("task", "t1", "c1", "t", 0);

        await ReopenAsync();

        Assert.Equal(new StoredDocument("cluster", "c1", "", 2, "b"), await Store.GetAsync("cluster", "c1", Ct));
        Assert.Single(await Store.ListAsync("task", "c1", Ct));
        await PutAsync("cluster", "c1", "", "c", 2);
        Assert.Equal(3, (await Store.GetAsync("cluster", "c1", Ct))!.Version);
    }
}
