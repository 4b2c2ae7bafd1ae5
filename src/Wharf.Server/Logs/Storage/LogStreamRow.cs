namespace Wharf.Server.Logs.Storage;

/// <summary>A stored log stream; the event timestamps are null until its first event.</summary>
internal sealed record LogStreamRow(
    long Id,
    long GroupId,
    string Name,
    long CreationTime,
    long? FirstEventTimestamp,
    long? LastEventTimestamp,
    long? LastIngestionTime,
    long StoredBytes);
