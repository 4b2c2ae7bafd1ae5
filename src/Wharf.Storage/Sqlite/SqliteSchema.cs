namespace Wharf.Storage.Sqlite;

/// <summary>
/// The schema as an ordered list of migrations: migration <c>n</c> (1-based) takes the database from
/// schema version <c>n-1</c> to <c>n</c>. The version is kept in <c>meta</c>. Append, never edit.
/// </summary>
internal static class SqliteSchema
{
    public const string MetaTable = """
        CREATE TABLE IF NOT EXISTS meta (
            name  TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        """;

    public const string SchemaVersionName = "schema_version";

    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: versioned JSON documents. A rowid table, not WITHOUT ROWID: bodies of a few KB would
        // overflow a WITHOUT ROWID b-tree's pages. The second index serves listing by partition in key
        // order (a cluster's tasks) without a sort.
        """
        CREATE TABLE documents (
            kind      TEXT NOT NULL,
            key       TEXT NOT NULL,
            partition TEXT NOT NULL,
            version   INTEGER NOT NULL,
            body      TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        );
        CREATE INDEX documents_by_partition ON documents (kind, partition, key);
        """,

        // 2: IStateStore.IndexedFields, so a service's or an instance's tasks, or an instance by its
        // EC2 id, are found without reading the cluster. Partial expression indexes over the JSON
        // body: writers need not know about them, and existing files get them built here. A query
        // uses one only with the same expression and `kind = '<literal>'` (ReaderSession.ListByField).
        // json_valid first: a body that is not JSON is indexed as NULL instead of failing its write.
        """
        CREATE INDEX documents_task_by_service ON documents ((CASE WHEN json_valid(body) THEN json_extract(body, '$.serviceArn') END), key) WHERE kind = 'task';
        CREATE INDEX documents_task_by_instance ON documents ((CASE WHEN json_valid(body) THEN json_extract(body, '$.containerInstanceArn') END), key) WHERE kind = 'task';
        CREATE INDEX documents_instance_by_ec2 ON documents ((CASE WHEN json_valid(body) THEN json_extract(body, '$.ec2InstanceId') END), key) WHERE kind = 'container-instance';
        """,
    ];

    public static int LatestVersion => Migrations.Count;
}
