namespace Wharf.Scheduling.Query;

/// <summary>A token and where it starts (0-based offset into the expression).</summary>
internal readonly record struct QueryToken(QueryTokenKind Kind, string Text, int Offset)
{
    public bool IsKeyword(string keyword) =>
        Kind == QueryTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        QueryTokenKind.End => "the end of the expression",
        QueryTokenKind.Quoted => $"'{Text}'",
        _ => $"'{Text}'",
    };
}
