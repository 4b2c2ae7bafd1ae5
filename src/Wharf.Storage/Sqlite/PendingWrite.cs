namespace Wharf.Storage.Sqlite;

/// <summary>One buffered put (<see cref="Body"/> set) or delete (<see cref="Body"/> null).</summary>
internal readonly record struct PendingWrite(string Kind, string Key, string? Partition, string? Body, long ExpectedVersion)
{
    public bool IsDelete => Body is null;
}
