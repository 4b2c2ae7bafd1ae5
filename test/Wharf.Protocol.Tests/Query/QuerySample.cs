namespace Wharf.Protocol.Tests.Query;

/// <summary>A hand-built wire type for a synthetic Query model with maps and flattened collections.</summary>
internal sealed class QuerySample
{
    public Dictionary<string, string>? Attrs { get; set; }

    public List<string>? Flat { get; set; }

    public List<string>? Renamed { get; set; }

    public Dictionary<string, int>? FlatMap { get; set; }

    public List<List<string>>? Nested { get; set; }

    public int? Count { get; set; }

    public bool? Enabled { get; set; }

    public DateTimeOffset? When { get; set; }

    public byte[]? Data { get; set; }
}
