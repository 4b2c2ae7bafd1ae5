namespace Wharf.Server.Logs.Storage;

/// <summary>A stored log group.</summary>
internal sealed record LogGroupRow(
    long Id,
    string Name,
    long CreationTime,
    int? RetentionInDays,
    string? KmsKeyId,
    string LogGroupClass,
    bool DeletionProtection,
    long StoredBytes,
    IReadOnlyDictionary<string, string> Tags);
