namespace Wharf.Scheduling.Query;

internal enum QueryTokenKind
{
    End,

    /// <summary>A bare run of characters: a subject, keyword, word operator or unquoted value.</summary>
    Word,

    /// <summary>A value in single or double quotes; the text is the content without quotes.</summary>
    Quoted,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,

    /// <summary>A lone <c>!</c>: unary not, or the start of <c>!exists</c> / <c>!in</c>.</summary>
    Bang,
    AndAnd,
    OrOr,

    /// <summary>A symbolic comparison: <c>== != &gt; &gt;= &lt; &lt;= =~ !~</c>.</summary>
    Symbol,

    /// <summary>A character that starts no token.</summary>
    Invalid,
}
