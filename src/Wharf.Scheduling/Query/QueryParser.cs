using System.Globalization;

namespace Wharf.Scheduling.Query;

/// <summary>
/// Recursive-descent parser of the ECS cluster query language. Precedence, loosest first:
/// <c>or</c>/<c>||</c>, <c>and</c>/<c>&amp;&amp;</c>, <c>not</c>/<c>!</c>; parentheses group.
/// Errors carry the 1-based position of the offending token.
/// </summary>
internal sealed class QueryParser
{
    private readonly QueryTokenizer _tokens;

    private QueryParser(string text)
    {
        _tokens = new QueryTokenizer(text);
    }

    public static QueryNode Parse(string text)
    {
        if (text.Length > ClusterQuery.MaxExpressionLength)
        {
            throw new ClusterQueryException(
                ClusterQuery.MaxExpressionLength + 1,
                $"the expression is longer than {ClusterQuery.MaxExpressionLength} characters");
        }

        var parser = new QueryParser(text);
        var node = parser.ParseOr();
        var trailing = parser._tokens.Next();
        if (trailing.Kind != QueryTokenKind.End)
        {
            throw Error(trailing, trailing.Kind == QueryTokenKind.RightParen
                ? "unbalanced ')'"
                : $"expected 'and', 'or' or the end of the expression, found {trailing.Describe()}");
        }

        return node;
    }

    private static ClusterQueryException Error(QueryToken at, string reason) => new(at.Offset + 1, reason);

    private QueryNode ParseOr()
    {
        var left = ParseAnd();
        while (_tokens.Peek() is var t && (t.Kind == QueryTokenKind.OrOr || t.IsKeyword("or")))
        {
            _tokens.Next();
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private QueryNode ParseAnd()
    {
        var left = ParseUnary();
        while (_tokens.Peek() is var t && (t.Kind == QueryTokenKind.AndAnd || t.IsKeyword("and")))
        {
            _tokens.Next();
            left = new AndNode(left, ParseUnary());
        }

        return left;
    }

    private QueryNode ParseUnary()
    {
        var t = _tokens.Peek();
        if (t.Kind == QueryTokenKind.Bang || t.IsKeyword("not"))
        {
            _tokens.Next();
            return new NotNode(ParseUnary());
        }

        return ParsePrimary();
    }

    private QueryNode ParsePrimary()
    {
        var t = _tokens.Next();
        switch (t.Kind)
        {
            case QueryTokenKind.LeftParen:
                var inner = ParseOr();
                var close = _tokens.Next();
                if (close.Kind != QueryTokenKind.RightParen)
                {
                    throw Error(close, $"expected ')', found {close.Describe()}");
                }

                return inner;
            case QueryTokenKind.Word:
                return ParseComparison(t);
            case QueryTokenKind.End:
                throw Error(t, "expected an expression");
            default:
                throw Error(t, $"expected a subject (such as attribute:name) or '(', found {t.Describe()}");
        }
    }

    private ComparisonNode ParseComparison(QueryToken subjectToken)
    {
        if (!QueryGrammar.TryGetSubject(subjectToken.Text, out var subject, out var attributeName))
        {
            throw Error(subjectToken, $"unknown subject '{subjectToken.Text}'; expected agentConnected, agentVersion, " +
                "attribute:name, ec2InstanceId, registeredAt, runningTasksCount or task:group");
        }

        var (op, opToken) = ParseOperator();
        if (!QueryGrammar.Allows(subject, op))
        {
            throw Error(opToken, $"the operator '{opToken.Text}' is not valid for {QueryGrammar.Name(subject, attributeName)}");
        }

        var values = new List<QueryValue>();
        if (QueryGrammar.TakesList(op))
        {
            var open = _tokens.Next();
            if (open.Kind != QueryTokenKind.LeftBracket)
            {
                throw Error(open, $"expected '[' to open the argument list, found {open.Describe()}");
            }

            while (true)
            {
                values.Add(ParseValue(subject, op));
                var separator = _tokens.Next();
                if (separator.Kind == QueryTokenKind.RightBracket)
                {
                    break;
                }

                if (separator.Kind != QueryTokenKind.Comma)
                {
                    throw Error(separator, $"expected ',' or ']', found {separator.Describe()}");
                }
            }
        }
        else if (QueryGrammar.TakesArgument(op))
        {
            values.Add(ParseValue(subject, op));
        }

        return new ComparisonNode(subject, attributeName, op, values);
    }

    private (QueryOperator Operator, QueryToken Token) ParseOperator()
    {
        var t = _tokens.Next();
        switch (t.Kind)
        {
            case QueryTokenKind.Symbol when QueryGrammar.TryGetSymbol(t.Text, out var symbol):
                return (symbol, t);
            case QueryTokenKind.Bang:
                var word = _tokens.Next();
                if (word.IsKeyword("exists"))
                {
                    return (QueryOperator.NotExists, t);
                }

                if (word.IsKeyword("in"))
                {
                    return (QueryOperator.NotIn, t);
                }

                throw Error(word, $"expected 'exists' or 'in' after '!', found {word.Describe()}");
            case QueryTokenKind.Word when t.IsKeyword("not"):
                var negated = _tokens.Next();
                if (negated.IsKeyword("in"))
                {
                    return (QueryOperator.NotIn, t);
                }

                if (negated.IsKeyword("exists"))
                {
                    return (QueryOperator.NotExists, t);
                }

                throw Error(negated, $"expected 'in' or 'exists' after 'not', found {negated.Describe()}");
            case QueryTokenKind.Word when QueryGrammar.TryGetWord(t.Text, out var named):
                return (named, t);
            default:
                throw Error(t, $"expected an operator, found {t.Describe()}");
        }
    }

    private QueryValue ParseValue(QuerySubject subject, QueryOperator op)
    {
        var t = _tokens.NextValue();
        if (t.Kind is not (QueryTokenKind.Word or QueryTokenKind.Quoted))
        {
            throw Error(t, "expected a value");
        }

        if (QueryGrammar.TakesPattern(op))
        {
            return new QueryValue(t.Text)
            {
                Pattern = QueryValues.TryBuildPattern(t.Text) ?? throw Error(t, $"invalid pattern '{t.Text}'"),
            };
        }

        switch (subject)
        {
            case QuerySubject.RunningTasksCount:
                if (!int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    throw Error(t, $"expected a whole number, found '{t.Text}'");
                }

                return new QueryValue(t.Text) { Integer = count };
            case QuerySubject.RegisteredAt:
                if (!QueryValues.TryParseDate(t.Text, out var instant, out var dateOnly))
                {
                    throw Error(t, $"expected a date such as 2018-06-18 or 2018-06-18T22:28:28Z, found '{t.Text}'");
                }

                return new QueryValue(t.Text) { Instant = instant, IsDateOnly = dateOnly };
            case QuerySubject.AgentConnected:
                if (!bool.TryParse(t.Text, out _))
                {
                    throw Error(t, $"expected true or false, found '{t.Text}'");
                }

                return new QueryValue(t.Text);
            default:
                return new QueryValue(t.Text) { Number = QueryValues.TryNumber(t.Text) };
        }
    }
}
