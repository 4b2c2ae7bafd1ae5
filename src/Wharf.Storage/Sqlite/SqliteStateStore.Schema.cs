using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Wharf.Storage.Sqlite;

/// <summary>Schema creation and migration, run once by <see cref="InitializeAsync"/>.</summary>
public sealed partial class SqliteStateStore
{
    /// <summary>
    /// Brings the schema to <see cref="SqliteSchema.LatestVersion"/> in one immediate transaction, so
    /// two processes opening the same file never both migrate. Returns the version now in force.
    /// </summary>
    private int Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, SqliteSchema.MetaTable, transaction);

        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT value FROM meta WHERE name = $name";
        read.Parameters.AddWithValue("$name", SqliteSchema.SchemaVersionName);
        var current = read.ExecuteScalar() is string text ? int.Parse(text, CultureInfo.InvariantCulture) : 0;

        if (current > SqliteSchema.LatestVersion)
        {
            throw new InvalidOperationException(
                $"The state database {_path} has schema version {current}, newer than this Wharf's " +
                $"{SqliteSchema.LatestVersion}. Run a newer Wharf, or point it at another data directory.");
        }

        if (current == SqliteSchema.LatestVersion)
        {
            transaction.Commit();
            return current;
        }

        for (var version = current + 1; version <= SqliteSchema.LatestVersion; version++)
        {
            Execute(connection, SqliteSchema.Migrations[version - 1], transaction);
        }

        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "INSERT INTO meta (name, value) VALUES ($name, $value) " +
                            "ON CONFLICT (name) DO UPDATE SET value = excluded.value";
        write.Parameters.AddWithValue("$name", SqliteSchema.SchemaVersionName);
        write.Parameters.AddWithValue("$value", SqliteSchema.LatestVersion.ToString(CultureInfo.InvariantCulture));
        write.ExecuteNonQuery();

        transaction.Commit();
        LogSchemaMigrated(_path, current, SqliteSchema.LatestVersion);
        return SqliteSchema.LatestVersion;
    }
}
