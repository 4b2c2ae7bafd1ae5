namespace Wharf.Scheduling.Query;

/// <summary>
/// Splits a cluster query into tokens. The language is context-sensitive: an unquoted value such
/// as <c>g2.*</c> or <c>2018-06-18T22:28:28+00:00</c> would not survive the structural rules, so
/// the parser asks for <see cref="NextValue"/> where a value is expected and <see cref="Next"/>
/// everywhere else.
/// </summary>
internal sealed class QueryTokenizer(string text)
{
    private const string Delimiters = "()[],=!<>~&|'\"";

    private int _offset;

    public string Text => text;

    /// <summary>Reads the next structural token.</summary>
    public QueryToken Next()
    {
        SkipWhitespace();
        if (_offset >= text.Length)
        {
            return new QueryToken(QueryTokenKind.End, string.Empty, text.Length);
        }

        var start = _offset;
        var c = text[_offset];
        var next = _offset + 1 < text.Length ? text[_offset + 1] : '\0';
        switch (c)
        {
            case '(':
                return Single(QueryTokenKind.LeftParen);
            case ')':
                return Single(QueryTokenKind.RightParen);
            case '[':
                return Single(QueryTokenKind.LeftBracket);
            case ']':
                return Single(QueryTokenKind.RightBracket);
            case ',':
                return Single(QueryTokenKind.Comma);
            case '\'':
            case '"':
                return ReadQuoted();
            case '&':
                return next == '&' ? Double(QueryTokenKind.AndAnd) : Single(QueryTokenKind.Invalid);
            case '|':
                return next == '|' ? Double(QueryTokenKind.OrOr) : Single(QueryTokenKind.Invalid);
            case '=':
                return next is '=' or '~' ? Double(QueryTokenKind.Symbol) : Single(QueryTokenKind.Invalid);
            case '!':
                return next is '=' or '~' ? Double(QueryTokenKind.Symbol) : Single(QueryTokenKind.Bang);
            case '>':
            case '<':
                return next == '=' ? Double(QueryTokenKind.Symbol) : Single(QueryTokenKind.Symbol);
            case '~':
                return Single(QueryTokenKind.Invalid);
        }

        while (_offset < text.Length && !char.IsWhiteSpace(text[_offset]) && !Delimiters.Contains(text[_offset], StringComparison.Ordinal))
        {
            _offset++;
        }

        return new QueryToken(QueryTokenKind.Word, text[start.._offset], start);
    }

    /// <summary>Looks at the next structural token without consuming it.</summary>
    public QueryToken Peek()
    {
        var saved = _offset;
        var token = Next();
        _offset = saved;
        return token;
    }

    /// <summary>
    /// Reads a value: a quoted string, or a run of characters up to whitespace, <c>)</c>, <c>]</c>,
    /// <c>,</c>, <c>&amp;&amp;</c> or <c>||</c>. Anything else comes back as the structural token
    /// it is, so the parser can say a value was expected there.
    /// </summary>
    public QueryToken NextValue()
    {
        SkipWhitespace();
        if (_offset >= text.Length)
        {
            return new QueryToken(QueryTokenKind.End, string.Empty, text.Length);
        }

        var c = text[_offset];
        if (c is '\'' or '"')
        {
            return ReadQuoted();
        }

        if (c is '(' or ')' or '[' or ']' or ',' || StartsConnective(_offset))
        {
            return Next();
        }

        var start = _offset;
        while (_offset < text.Length
            && !char.IsWhiteSpace(text[_offset])
            && text[_offset] is not (')' or ']' or ',')
            && !StartsConnective(_offset))
        {
            _offset++;
        }

        return new QueryToken(QueryTokenKind.Word, text[start.._offset], start);
    }

    private bool StartsConnective(int at) =>
        at + 1 < text.Length && ((text[at] == '&' && text[at + 1] == '&') || (text[at] == '|' && text[at + 1] == '|'));

    private QueryToken ReadQuoted()
    {
        var quote = text[_offset];
        var start = _offset;
        var end = text.IndexOf(quote, _offset + 1);
        if (end < 0)
        {
            throw new ClusterQueryException(start + 1, "unterminated quoted value");
        }

        _offset = end + 1;
        return new QueryToken(QueryTokenKind.Quoted, text[(start + 1)..end], start);
    }

    private QueryToken Single(QueryTokenKind kind)
    {
        var token = new QueryToken(kind, text.Substring(_offset, 1), _offset);
        _offset += 1;
        return token;
    }

    private QueryToken Double(QueryTokenKind kind)
    {
        var token = new QueryToken(kind, text.Substring(_offset, 2), _offset);
        _offset += 2;
        return token;
    }

    private void SkipWhitespace()
    {
        while (_offset < text.Length && char.IsWhiteSpace(text[_offset]))
        {
            _offset++;
        }
    }
}
