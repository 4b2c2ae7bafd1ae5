namespace Wharf.Server.Logs.Storage;

/// <summary>A place in a stream's (timestamp, id) order, between events: tokens carry one.</summary>
internal readonly record struct EventPosition(long Timestamp, long Id) : IComparable<EventPosition>
{
    public int CompareTo(EventPosition other) =>
        Timestamp != other.Timestamp ? Timestamp.CompareTo(other.Timestamp) : Id.CompareTo(other.Id);
}
