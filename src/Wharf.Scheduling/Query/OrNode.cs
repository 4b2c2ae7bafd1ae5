namespace Wharf.Scheduling.Query;

internal sealed class OrNode(QueryNode left, QueryNode right) : QueryNode
{
    public QueryNode Left => left;

    public QueryNode Right => right;

    public override bool IsDynamic => left.IsDynamic || right.IsDynamic;

    public override bool Evaluate(IQueryTarget target) => left.Evaluate(target) || right.Evaluate(target);

    public override string ToString() => $"({left} or {right})";
}
