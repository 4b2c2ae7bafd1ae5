namespace Wharf.Storage;

/// <summary>Every log event id of Wharf.Storage, in one place so ids stay unique (1000–1999).</summary>
internal static class StorageEventIds
{
    public const int StoreOpened = 1000;
    public const int SchemaMigrated = 1001;
    public const int StoreClosed = 1002;
    public const int CommitConflict = 1010;
    public const int CommitFailed = 1011;
    public const int ChangedHandlerFailed = 1020;
}
