namespace Wharf.CodeGen;

/// <summary>Writes an enum string shape as a static class of constants with <c>IsDefined</c>.</summary>
internal static class EnumWriter
{
    private static readonly string[] Reserved = ["All", "IsDefined", "Set"];

    public static void Write(BotocoreModel model, string @namespace, string shapeName, string className, string path)
    {
        var values = model.Shape(shapeName)["enum"]!.AsArray().Select(v => (string)v!).ToArray();
        var w = new CodeWriter(model.Source, @namespace);
        w.Line($"/// <summary>The values of the <c>{shapeName}</c> enum.</summary>");
        w.Open($"public static class {className}");

        var taken = new HashSet<string>(Reserved, StringComparer.Ordinal) { className };
        foreach (var value in values)
        {
            var constant = Naming.EnumConstant(value);
            if (taken.Contains(constant))
            {
                constant += "Value";
            }

            for (var i = 2; taken.Contains(constant); i++)
            {
                constant = Naming.EnumConstant(value) + i;
            }

            taken.Add(constant);
            w.Line($"/// <summary><c>{System.Security.SecurityElement.Escape(value)}</c></summary>");
            w.Line($"public const string {constant} = {Naming.Literal(value)};");
            w.Line();
        }

        w.Line("/// <summary>Every value, in model order.</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<string> All { get; } =");
        w.Line($"    [{string.Join(", ", values.Select(Naming.Literal))}];");
        w.Line();
        w.Line("private static readonly global::System.Collections.Frozen.FrozenSet<string> Set =");
        w.Line("    global::System.Collections.Frozen.FrozenSet.ToFrozenSet(All, global::System.StringComparer.Ordinal);");
        w.Line();
        w.Line("/// <summary>Whether <paramref name=\"value\"/> is one of the values (case-sensitive).</summary>");
        w.Line("public static bool IsDefined(string? value) => value is not null && Set.Contains(value);");
        w.Close();
        w.WriteTo(path);
    }
}
