namespace Wharf.Scheduling.Query;

/// <summary>A node of a parsed cluster query.</summary>
internal abstract class QueryNode
{
    /// <summary>
    /// True when the result can change as tasks are placed (<c>task:group</c>,
    /// <c>runningTasksCount</c>); static results may be cached per instance.
    /// </summary>
    public abstract bool IsDynamic { get; }

    public abstract bool Evaluate(IQueryTarget target);
}
