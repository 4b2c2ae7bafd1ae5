namespace Wharf.Scheduling.Query;

/// <summary>
/// One <c>subject operator [argument]</c> comparison. Negative operators (<c>!=</c>,
/// <c>not_in</c>, <c>!~</c>, <c>!exists</c>) are the negation of their positive form, so an
/// instance without the attribute satisfies <c>attribute:x != y</c>. <c>task:group</c> is
/// multi-valued: a positive operator holds when any task on the instance satisfies it.
/// </summary>
internal sealed class ComparisonNode(QuerySubject subject, string? attributeName, QueryOperator op, IReadOnlyList<QueryValue> values)
    : QueryNode
{
    public QuerySubject Subject => subject;

    public string? AttributeName => attributeName;

    public QueryOperator Operator => op;

    public IReadOnlyList<QueryValue> Values => values;

    public override bool IsDynamic => subject is QuerySubject.TaskGroup or QuerySubject.RunningTasksCount;

    public override bool Evaluate(IQueryTarget target) => op switch
    {
        QueryOperator.NotEquals => !Positive(QueryOperator.Equals, target),
        QueryOperator.NotIn => !Positive(QueryOperator.In, target),
        QueryOperator.NotMatches => !Positive(QueryOperator.Matches, target),
        QueryOperator.NotExists => !Positive(QueryOperator.Exists, target),
        _ => Positive(op, target),
    };

    public override string ToString() =>
        $"{(subject == QuerySubject.Attribute ? "attribute:" + attributeName : subject.ToString())} {op} [{string.Join(", ", values)}]";

    private bool Positive(QueryOperator positive, IQueryTarget target)
    {
        switch (subject)
        {
            case QuerySubject.TaskGroup:
                return positive switch
                {
                    QueryOperator.Exists => target.TaskGroups.Any(),
                    QueryOperator.Equals => target.HasTaskGroup(values[0].Text),
                    QueryOperator.In => values.Any(v => target.HasTaskGroup(v.Text)),
                    QueryOperator.Matches => target.TaskGroups.Any(g => QueryValues.IsMatch(values[0].Pattern!, g)),
                    _ => false,
                };
            case QuerySubject.RunningTasksCount:
                return positive == QueryOperator.In
                    ? values.Any(v => target.RunningTasksCount == v.Integer)
                    : QueryValues.Holds(positive, target.RunningTasksCount.CompareTo(values[0].Integer));
            case QuerySubject.RegisteredAt:
                return positive == QueryOperator.In
                    ? values.Any(v => CompareDate(target.RegisteredAt, v) == 0)
                    : QueryValues.Holds(positive, CompareDate(target.RegisteredAt, values[0]));
            default:
                return PositiveText(positive, target);
        }
    }

    private bool PositiveText(QueryOperator positive, IQueryTarget target)
    {
        string? actual;
        switch (subject)
        {
            case QuerySubject.Attribute:
                if (!target.TryGetAttribute(attributeName!, out actual))
                {
                    return false;
                }

                if (positive == QueryOperator.Exists)
                {
                    return true;
                }

                break;
            case QuerySubject.AgentConnected:
                actual = target.AgentConnected ? "true" : "false";
                break;
            case QuerySubject.AgentVersion:
                actual = target.AgentVersion;
                break;
            default:
                actual = target.Ec2InstanceId;
                break;
        }

        if (actual is null)
        {
            return false;
        }

        return positive switch
        {
            QueryOperator.Equals => AreEqual(actual, values[0]),
            QueryOperator.In => values.Any(v => AreEqual(actual, v)),
            QueryOperator.Matches => QueryValues.IsMatch(values[0].Pattern!, actual),
            QueryOperator.Exists => true,
            _ => QueryValues.Holds(positive, subject == QuerySubject.AgentVersion
                ? QueryValues.CompareVersions(actual, values[0].Text)
                : QueryValues.CompareAttribute(actual, values[0])),
        };
    }

    private bool AreEqual(string actual, QueryValue value) => subject switch
    {
        QuerySubject.AgentConnected => string.Equals(actual, value.Text, StringComparison.OrdinalIgnoreCase),
        QuerySubject.AgentVersion => QueryValues.CompareVersions(actual, value.Text) == 0,
        _ => string.Equals(actual, value.Text, StringComparison.Ordinal),
    };

    private static int CompareDate(DateTimeOffset registeredAt, QueryValue value) => value.IsDateOnly
        ? DateOnly.FromDateTime(registeredAt.UtcDateTime).CompareTo(DateOnly.FromDateTime(value.Instant.UtcDateTime))
        : registeredAt.CompareTo(value.Instant);
}
