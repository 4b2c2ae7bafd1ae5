using Xunit;

namespace Wharf.Storage.Tests.Sqlite;

public sealed class SqliteStateStoreEventTests : SqliteStoreFixture
{
    [Fact]
    public async Task Changed_AfterCommit_RaisedOnceWithKindsTouched()
    {
        var events = new List<IReadOnlySet<string>>();
        Store.Changed += (sender, e) =>
        {
            Assert.Same(Store, sender);
            events.Add(e.Kinds);
        };

        var transaction = Store.BeginTransaction();
        transaction.Put("task", "t1", "c1", "", 0);
        transaction.Put("task", "t2", "c1", "", 0);
        transaction.Put("cluster", "c1", "", "", 0);
        await transaction.CommitAsync(Ct);

        var kinds = Assert.Single(events);
        Assert.True(kinds.SetEquals(["task", "cluster"]));
    }

    [Fact]
    public async Task Changed_SubscriberReadsStore_SeesTheCommit()
    {
        StoredDocument? seen = null;
        Store.Changed += (_, _) => seen = Store.GetAsync("cluster", "c1", Ct).AsTask().GetAwaiter().GetResult();

        await PutAsync("cluster", "c1", "", "now", 0);

        Assert.Equal("now", seen?.Body);
    }

    [Fact]
    public async Task Changed_Conflict_NotRaised()
    {
        await PutAsync("cluster", "c1", "", "", 0);
        var raised = 0;
        Store.Changed += (_, _) => raised++;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => PutAsync("cluster", "c1", "", "", 0));

        Assert.Equal(0, raised);
    }

    [Fact]
    public async Task Changed_SubscriberThrows_CommitSucceedsAndOthersStillNotified()
    {
        var notified = 0;
        Store.Changed += (_, _) => throw new InvalidOperationException("subscriber bug");
        Store.Changed += (_, _) => notified++;

        await PutAsync("cluster", "c1", "", "", 0);

        Assert.Equal(1, notified);
        Assert.NotNull(await Store.GetAsync("cluster", "c1", Ct));
    }
}
