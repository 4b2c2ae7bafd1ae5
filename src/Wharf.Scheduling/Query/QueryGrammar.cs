namespace Wharf.Scheduling.Query;

/// <summary>The vocabulary of the cluster query language: subjects, operators and which go together.</summary>
internal static class QueryGrammar
{
    public const string AttributePrefix = "attribute:";

    private static readonly QueryOperator[] TextOperators =
    [
        QueryOperator.Equals, QueryOperator.NotEquals, QueryOperator.In, QueryOperator.NotIn,
        QueryOperator.Matches, QueryOperator.NotMatches,
    ];

    private static readonly QueryOperator[] OrderedOperators =
    [
        QueryOperator.Equals, QueryOperator.NotEquals, QueryOperator.GreaterThan, QueryOperator.GreaterThanOrEqual,
        QueryOperator.LessThan, QueryOperator.LessThanOrEqual,
    ];

    private static readonly QueryOperator[] GroupOperators =
    [
        .. TextOperators, QueryOperator.Exists, QueryOperator.NotExists,
    ];

    private static readonly Dictionary<string, QuerySubject> Subjects = new(StringComparer.OrdinalIgnoreCase)
    {
        ["agentConnected"] = QuerySubject.AgentConnected,
        ["agentVersion"] = QuerySubject.AgentVersion,
        ["ec2InstanceId"] = QuerySubject.Ec2InstanceId,
        ["registeredAt"] = QuerySubject.RegisteredAt,
        ["runningTasksCount"] = QuerySubject.RunningTasksCount,
        ["task:group"] = QuerySubject.TaskGroup,
    };

    private static readonly Dictionary<string, QueryOperator> Symbols = new(StringComparer.Ordinal)
    {
        ["=="] = QueryOperator.Equals,
        ["!="] = QueryOperator.NotEquals,
        [">"] = QueryOperator.GreaterThan,
        [">="] = QueryOperator.GreaterThanOrEqual,
        ["<"] = QueryOperator.LessThan,
        ["<="] = QueryOperator.LessThanOrEqual,
        ["=~"] = QueryOperator.Matches,
        ["!~"] = QueryOperator.NotMatches,
    };

    private static readonly Dictionary<string, QueryOperator> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["equals"] = QueryOperator.Equals,
        ["not_equals"] = QueryOperator.NotEquals,
        ["greater_than"] = QueryOperator.GreaterThan,
        ["greater_than_equal"] = QueryOperator.GreaterThanOrEqual,
        ["less_than"] = QueryOperator.LessThan,
        ["less_than_equal"] = QueryOperator.LessThanOrEqual,
        ["exists"] = QueryOperator.Exists,
        ["not_exists"] = QueryOperator.NotExists,
        ["in"] = QueryOperator.In,
        ["not_in"] = QueryOperator.NotIn,
        ["matches"] = QueryOperator.Matches,
        ["not_matches"] = QueryOperator.NotMatches,
    };

    public static bool TryGetSubject(string word, out QuerySubject subject, out string? attributeName)
    {
        attributeName = null;
        if (word.StartsWith(AttributePrefix, StringComparison.OrdinalIgnoreCase) && word.Length > AttributePrefix.Length)
        {
            subject = QuerySubject.Attribute;
            attributeName = word[AttributePrefix.Length..];
            return true;
        }

        return Subjects.TryGetValue(word, out subject);
    }

    public static bool TryGetSymbol(string symbol, out QueryOperator op) => Symbols.TryGetValue(symbol, out op);

    public static bool TryGetWord(string word, out QueryOperator op) => Words.TryGetValue(word, out op);

    /// <summary>The operators the ECS documentation lists for each subject.</summary>
    public static bool Allows(QuerySubject subject, QueryOperator op)
    {
        var allowed = subject switch
        {
            QuerySubject.AgentConnected or QuerySubject.Ec2InstanceId => TextOperators,
            QuerySubject.AgentVersion or QuerySubject.RegisteredAt or QuerySubject.RunningTasksCount => OrderedOperators,
            QuerySubject.TaskGroup => GroupOperators,
            _ => null,
        };
        return allowed is null || Array.IndexOf(allowed, op) >= 0;
    }

    public static string Name(QuerySubject subject, string? attributeName) => subject switch
    {
        QuerySubject.AgentConnected => "agentConnected",
        QuerySubject.AgentVersion => "agentVersion",
        QuerySubject.Ec2InstanceId => "ec2InstanceId",
        QuerySubject.RegisteredAt => "registeredAt",
        QuerySubject.RunningTasksCount => "runningTasksCount",
        QuerySubject.TaskGroup => "task:group",
        _ => AttributePrefix + attributeName,
    };

    public static bool TakesArgument(QueryOperator op) => op is not (QueryOperator.Exists or QueryOperator.NotExists);

    public static bool TakesList(QueryOperator op) => op is QueryOperator.In or QueryOperator.NotIn;

    public static bool TakesPattern(QueryOperator op) => op is QueryOperator.Matches or QueryOperator.NotMatches;
}
