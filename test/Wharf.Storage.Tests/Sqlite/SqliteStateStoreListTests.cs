using Xunit;

namespace Wharf.Storage.Tests.Sqlite;

public sealed class SqliteStateStoreListTests : SqliteStoreFixture
{
    [Fact]
    public async Task List_NoPartition_EveryDocumentOfKindInOrdinalKeyOrder()
    {
        var transaction = Store.BeginTransaction();
        foreach (var (key, partition) in new[] { ("b", "p1"), ("a", "p2"), ("B", "p1"), ("a-1", "p2"), ("c", "p3") })
        {
            transaction.Put("task", key, partition, key, 0);
        }

        transaction.Put("service", "aa", "p1", "other kind", 0);
        await transaction.CommitAsync(Ct);

        var keys = (await Store.ListAsync("task", null, Ct)).Select(d => d.Key);

        Assert.Equal(["B", "a", "a-1", "b", "c"], keys);
    }

    [Fact]
    public async Task List_Partition_OnlyThatPartitionInKeyOrder()
    {
        var transaction = Store.BeginTransaction();
        transaction.Put("task", "t3", "c1", "", 0);
        transaction.Put("task", "t1", "c1", "", 0);
        transaction.Put("task", "t2", "c2", "", 0);
        await transaction.CommitAsync(Ct);

        var documents = await Store.ListAsync("task", "c1", Ct);

        Assert.Equal(["t1", "t3"], documents.Select(d => d.Key));
        Assert.All(documents, d => Assert.Equal("c1", d.Partition));
        Assert.Empty(await Store.ListAsync("task", "c9", Ct));
        Assert.Empty(await Store.ListAsync("nothing", null, Ct));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("c1")]
    public async Task List_AfterKeyAndLimit_PagesThroughEveryDocumentOnce(string? partition)
    {
        var transaction = Store.BeginTransaction();
        for (var i = 0; i < 57; i++)
        {
            transaction.Put("task", $"t{i:D3}", "c1", i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0);
        }

        await transaction.CommitAsync(Ct);

        var seen = new List<string>();
        string? after = null;
        int pages = 0;
        while (true)
        {
            var page = await Store.ListAsync("task", partition, Ct, afterKey: after, limit: 10);
            pages++;
            seen.AddRange(page.Select(d => d.Key));
            if (page.Count < 10)
            {
                break;
            }

            after = page[^1].Key;
        }

        Assert.Equal(6, pages);
        Assert.Equal(Enumerable.Range(0, 57).Select(i => $"t{i:D3}"), seen);
    }

    [Fact]
    public async Task List_LimitZero_Empty()
    {
        await PutAsync("task", "t1", "c1", "", 0);
        Assert.Empty(await Store.ListAsync("task", null, Ct, limit: 0));
    }

    [Fact]
    public async Task List_AfterLastKey_Empty()
    {
        await PutAsync("task", "t1", "c1", "", 0);
        Assert.Empty(await Store.ListAsync("task", null, Ct, afterKey: "t1"));
    }

    [Fact]
    public async Task ListByPrefix_Prefix_OnlyKeysStartingWithItInOrder()
    {
        string[] keys =
        [
            "web", "web:1", "web:10", "web:2", "webby:1", "we", "wfa", "web\u00ff", "web\uffff", "web\U0001F600", "x",
        ];
        var transaction = Store.BeginTransaction();
        foreach (var key in keys)
        {
            transaction.Put("taskdef", key, "", key, 0);
        }

        transaction.Put("other", "web:1", "", "", 0);
        await transaction.CommitAsync(Ct);

        var matched = (await Store.ListByPrefixAsync("taskdef", "web:", Ct)).Select(d => d.Key);
        Assert.Equal(["web:1", "web:10", "web:2"], matched);

        var all = (await Store.ListByPrefixAsync("taskdef", "web", Ct)).Select(d => d.Key).ToList();
        Assert.Equal(8, all.Count);
        Assert.All(all, k => Assert.StartsWith("web", k, StringComparison.Ordinal));
        Assert.Contains("web\U0001F600", all);
        Assert.Contains("web\uffff", all);

        Assert.Equal(keys.Length, (await Store.ListByPrefixAsync("taskdef", "", Ct)).Count);
        Assert.Empty(await Store.ListByPrefixAsync("taskdef", "zzz", Ct));
    }
}
