using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Storage.Sqlite;
using Xunit;

namespace Wharf.Storage.Tests.Sqlite;

public sealed class SqliteStateStoreFieldTests : SqliteStoreFixture
{
    [Fact]
    public async Task ListByField_IndexedField_OnlyMatchingDocumentsOfThatKindInKeyOrder()
    {
        var transaction = Store.BeginTransaction();
        transaction.Put("task", "t3", "c1", """{"serviceArn":"s1","containerInstanceArn":"i1"}""", 0);
        transaction.Put("task", "t1", "c1", """{"serviceArn":"s1","containerInstanceArn":"i2"}""", 0);
        transaction.Put("task", "t2", "c2", """{"serviceArn":"s2","containerInstanceArn":"i1"}""", 0);
        transaction.Put("task", "t4", "c1", """{"containerInstanceArn":"i1"}""", 0);
        transaction.Put("service", "s9", "c1", """{"serviceArn":"s1"}""", 0);
        await transaction.CommitAsync(Ct);

        Assert.Equal(["t1", "t3"], (await Store.ListByFieldAsync("task", "serviceArn", "s1", Ct)).Select(d => d.Key));
        Assert.Equal(["t2", "t3", "t4"], (await Store.ListByFieldAsync("task", "containerInstanceArn", "i1", Ct)).Select(d => d.Key));
        Assert.Equal(["s9"], (await Store.ListByFieldAsync("service", "serviceArn", "s1", Ct)).Select(d => d.Key));
        Assert.Empty(await Store.ListByFieldAsync("task", "serviceArn", "s9", Ct));
        var one = Assert.Single(await Store.ListByFieldAsync("task", "serviceArn", "s2", Ct));
        Assert.Equal(("c2", 1L), (one.Partition, one.Version));
    }

    [Fact]
    public async Task ListByField_AfterKeyAndLimit_PagesThroughEveryMatchOnce()
    {
        var transaction = Store.BeginTransaction();
        for (var i = 0; i < 45; i++)
        {
            transaction.Put("task", $"t{i:D3}", "c1", $$"""{"serviceArn":"{{(i % 3 == 0 ? "other" : "s1")}}"}""", 0);
        }

        await transaction.CommitAsync(Ct);

        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await Store.ListByFieldAsync("task", "serviceArn", "s1", Ct, after, 7);
            seen.AddRange(page.Select(d => d.Key));
            if (page.Count < 7)
            {
                break;
            }

            after = page[^1].Key;
        }

        Assert.Equal(Enumerable.Range(0, 45).Where(i => i % 3 != 0).Select(i => $"t{i:D3}"), seen);
    }

    [Fact]
    public async Task ListByField_AfterUpdate_FollowsTheBody()
    {
        var create = Store.BeginTransaction();
        create.Put("container-instance", "ci1", "c1", """{"ec2InstanceId":"i-1"}""", 0);
        await create.CommitAsync(Ct);
        var update = Store.BeginTransaction();
        update.Put("container-instance", "ci1", "c1", """{"ec2InstanceId":"i-2"}""", 1);
        await update.CommitAsync(Ct);

        Assert.Empty(await Store.ListByFieldAsync("container-instance", "ec2InstanceId", "i-1", Ct));
        Assert.Equal(2, Assert.Single(await Store.ListByFieldAsync("container-instance", "ec2InstanceId", "i-2", Ct)).Version);
    }

    [Fact]
    public async Task ListByField_BodyNotJson_StillWrittenAndNeverMatched()
    {
        var transaction = Store.BeginTransaction();
        transaction.Put("task", "t1", "c1", "not json", 0);
        transaction.Put("task", "t2", "c1", """{"serviceArn":"s1"}""", 0);
        await transaction.CommitAsync(Ct);

        Assert.Equal(["t2"], (await Store.ListByFieldAsync("task", "serviceArn", "s1", Ct)).Select(d => d.Key));
        Assert.Equal("not json", (await Store.GetAsync("task", "t1", Ct))!.Body);
    }

    [Fact]
    public async Task ListByField_NotAPlainName_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListByFieldAsync("task", "a') OR 1=1 --", "x", Ct).AsTask());
    }

    [Theory]
    [InlineData("task", "serviceArn", "documents_task_by_service")]
    [InlineData("task", "containerInstanceArn", "documents_task_by_instance")]
    [InlineData("container-instance", "ec2InstanceId", "documents_instance_by_ec2")]
    public async Task ListByField_IndexedFields_QueryPlanUsesTheIndex(string kind, string field, string index)
    {
        Assert.Contains((kind, field), IStateStore.IndexedFields);
        await using var raw = OpenRaw(DatabasePath);
        using var command = raw.CreateCommand();

        // The statement ReaderSession.ListByField prepares for this pair.
        command.CommandText = "EXPLAIN QUERY PLAN SELECT key, partition, version, body FROM documents " +
            $"WHERE kind = '{kind}' AND (CASE WHEN json_valid(body) THEN json_extract(body, '$.{field}') END) = $value " +
            "AND key > $after ORDER BY key LIMIT $limit";
        command.Parameters.AddWithValue("$value", "x");
        command.Parameters.AddWithValue("$after", "");
        command.Parameters.AddWithValue("$limit", -1);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InitializeAsync_SchemaOneFile_MigratesAndIndexesExistingDocuments()
    {
        await Store.DisposeAsync();
        File.Delete(DatabasePath);
        await using (var raw = OpenRaw(DatabasePath))
        {
            // What a Wharf of schema 1 left behind.
            Execute(raw, """
                CREATE TABLE meta (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                INSERT INTO meta VALUES ('schema_version', '1');
                CREATE TABLE documents (
                    kind TEXT NOT NULL, key TEXT NOT NULL, partition TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
                    PRIMARY KEY (kind, key));
                CREATE INDEX documents_by_partition ON documents (kind, partition, key);
                INSERT INTO documents VALUES ('task', 't1', 'c1', 3, '{"serviceArn":"s1"}');
                INSERT INTO documents VALUES ('task', 't2', 'c1', 1, '{"serviceArn":"s2"}');
                """);
        }

        await using var store = new SqliteStateStore(DatabasePath, NullLogger.Instance);
        await store.InitializeAsync(Ct);

        var found = Assert.Single(await store.ListByFieldAsync("task", "serviceArn", "s1", Ct));
        Assert.Equal(("t1", 3L), (found.Key, found.Version));
        Assert.Equal(["t1", "t2"], (await store.ListAsync("task", "c1", Ct)).Select(d => d.Key));
        await using var check = OpenRaw(DatabasePath);
        using var version = check.CreateCommand();
        version.CommandText = "SELECT value FROM meta WHERE name = 'schema_version'";
        Assert.Equal("2", version.ExecuteScalar());
    }

    private static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
