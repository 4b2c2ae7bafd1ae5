namespace Wharf.Server.Logs.FilterPatterns;

/// <summary>How a term of a filter pattern counts.</summary>
internal enum FilterTermKind
{
    /// <summary><c>ERROR</c>, <c>"two words"</c>: must appear.</summary>
    Required,

    /// <summary><c>-term</c>: must not appear.</summary>
    Excluded,

    /// <summary><c>?term</c>: at least one of the optional terms must appear.</summary>
    Optional,
}
