namespace Wharf.Scheduling.Query;

/// <summary>The comparison operators of the ECS cluster query language.</summary>
internal enum QueryOperator
{
    Equals,
    NotEquals,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Exists,
    NotExists,
    In,
    NotIn,
    Matches,
    NotMatches,
}
