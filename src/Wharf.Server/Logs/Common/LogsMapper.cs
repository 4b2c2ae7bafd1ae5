using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Common;

/// <summary>Stored rows to wire shapes.</summary>
internal static class LogsMapper
{
    public static LogGroup Group(LogGroupRow group, LogsNames names) => new()
    {
        LogGroupName = group.Name,
        CreationTime = group.CreationTime,
        RetentionInDays = group.RetentionInDays,
        MetricFilterCount = 0,
        Arn = names.GroupArnWildcard(group.Name),
        LogGroupArn = names.GroupArn(group.Name),
        StoredBytes = group.StoredBytes,
        KmsKeyId = group.KmsKeyId,
        LogGroupClass = group.LogGroupClass,
        DeletionProtectionEnabled = group.DeletionProtection,
    };

    public static LogStream Stream(LogGroupRow group, LogStreamRow stream, LogsNames names) => new()
    {
        LogStreamName = stream.Name,
        CreationTime = stream.CreationTime,
        FirstEventTimestamp = stream.FirstEventTimestamp,
        LastEventTimestamp = stream.LastEventTimestamp,
        LastIngestionTime = stream.LastIngestionTime,
        Arn = names.StreamArn(group.Name, stream.Name),
        StoredBytes = stream.StoredBytes,
    };
}
