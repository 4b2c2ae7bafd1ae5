using Wharf.Scheduling.Model;

namespace Wharf.Scheduling.Query;

/// <summary>A parsed cluster query expression; immutable and safe to share between threads.</summary>
public sealed class ClusterQueryExpression
{
    internal ClusterQueryExpression(string text, QueryNode root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>
    /// True when the expression reads state that placing tasks changes (<c>task:group</c>,
    /// <c>runningTasksCount</c>); otherwise its result per instance can be cached.
    /// </summary>
    public bool IsDynamic => Root.IsDynamic;

    internal QueryNode Root { get; }

    /// <summary>Whether the instance matches the expression.</summary>
    public bool Evaluate(InstanceSnapshot instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return Root.Evaluate(new SnapshotQueryTarget(instance));
    }

    internal bool Evaluate(IQueryTarget target) => Root.Evaluate(target);

    /// <inheritdoc />
    public override string ToString() => Text;
}
