namespace Wharf.Scheduling.Query;

internal sealed class NotNode(QueryNode operand) : QueryNode
{
    public QueryNode Operand => operand;

    public override bool IsDynamic => operand.IsDynamic;

    public override bool Evaluate(IQueryTarget target) => !operand.Evaluate(target);

    public override string ToString() => $"not {operand}";
}
