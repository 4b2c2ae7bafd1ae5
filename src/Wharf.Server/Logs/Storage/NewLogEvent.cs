namespace Wharf.Server.Logs.Storage;

/// <summary>An event to append: milliseconds since the epoch and its message.</summary>
internal readonly record struct NewLogEvent(long Timestamp, string Message);
