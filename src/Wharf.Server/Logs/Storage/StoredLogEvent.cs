namespace Wharf.Server.Logs.Storage;

/// <summary>One stored event. Events are ordered by (<see cref="Timestamp"/>, <see cref="Id"/>).</summary>
internal sealed record StoredLogEvent(long Id, long StreamId, long Timestamp, long IngestionTime, string Message)
{
    public EventPosition Position => new(Timestamp, Id);
}
