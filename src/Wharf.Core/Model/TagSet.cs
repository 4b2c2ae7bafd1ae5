namespace Wharf.Core.Model;

/// <summary>The tags of one resource, in the order they were added.</summary>
public sealed record TagSet
{
    public required string ResourceArn { get; init; }
    public required IReadOnlyList<TagRecord> Tags { get; init; }
}

public sealed record TagRecord(string Key, string Value);
