namespace Wharf.CodeGen;

/// <summary>The operations, shapes and errors to generate for one service.</summary>
internal sealed class ShapeClosure
{
    private ShapeClosure(IReadOnlyList<string> operations, IReadOnlySet<string> shapes, IReadOnlySet<string> errors)
    {
        Operations = operations;
        Shapes = shapes;
        Errors = errors;
    }

    public IReadOnlyList<string> Operations { get; }

    /// <summary>Every non-error shape reachable from the operations' inputs and outputs.</summary>
    public IReadOnlySet<string> Shapes { get; }

    /// <summary>The error shapes the operations document.</summary>
    public IReadOnlySet<string> Errors { get; }

    /// <summary>Computes the closure of <paramref name="allowList"/> (every operation when null).</summary>
    public static ShapeClosure Compute(BotocoreModel model, IReadOnlyList<string>? allowList)
    {
        var operations = allowList ?? model.Operations.Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
        var shapes = new SortedSet<string>(StringComparer.Ordinal);
        var errors = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();

        foreach (var name in operations)
        {
            var op = model.Operations[name] ?? throw new InvalidOperationException($"No operation '{name}' in {model.Source}.");
            foreach (var key in new[] { "input", "output" })
            {
                if (BotocoreModel.Str(op[key], "shape") is { } shape)
                {
                    pending.Push(shape);
                }
            }

            foreach (var error in op["errors"]?.AsArray() ?? [])
            {
                errors.Add((string)error!["shape"]!);
            }
        }

        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!shapes.Add(name))
            {
                continue;
            }

            var shape = model.Shape(name);
            foreach (var member in shape["members"]?.AsObject() ?? [])
            {
                pending.Push((string)member.Value!["shape"]!);
            }

            foreach (var key in new[] { "member", "key", "value" })
            {
                if (BotocoreModel.Str(shape[key], "shape") is { } target)
                {
                    pending.Push(target);
                }
            }
        }

        return new ShapeClosure(operations, shapes, errors);
    }
}
