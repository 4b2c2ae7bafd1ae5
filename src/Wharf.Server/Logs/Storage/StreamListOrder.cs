namespace Wharf.Server.Logs.Storage;

/// <summary>DescribeLogStreams' <c>orderBy</c>.</summary>
internal enum StreamListOrder
{
    LogStreamName,
    LastEventTime,
}
