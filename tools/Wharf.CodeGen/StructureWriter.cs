using System.Text.Json.Nodes;

namespace Wharf.CodeGen;

/// <summary>Writes one structure shape as a wire class plus its model description.</summary>
internal static class StructureWriter
{
    private const string ModelNs = "global::Wharf.Protocol.Model.";

    public static void Write(BotocoreModel model, TypeMapper types, string @namespace, string shapeName, string path)
    {
        var shape = model.Shape(shapeName);
        var className = types.ClassNames[shapeName];
        var members = shape["members"]?.AsObject() ?? [];
        var propertyNames = PropertyNames(className, members);
        var w = new CodeWriter(model.Source, @namespace);

        w.Line($"/// <summary>The <c>{shapeName}</c> shape.</summary>");
        w.Open($"public sealed partial class {className}");
        foreach (var (name, member) in members)
        {
            var target = (string)member!["shape"]!;
            w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({Naming.Literal(name)})]");
            w.Line($"public {types.ClrType(target)}? {propertyNames[name]} {{ get; set; }}");
            w.Line();
        }

        var union = BotocoreModel.Flag(shape, "union") ? ", union: true" : string.Empty;
        w.Line($"internal static void DescribeShape({ModelNs}ModelBuilder b) =>");
        w.Indent();
        w.Line($"b.Structure<{className}>({Naming.Literal(shapeName)}, static () => new {className}(){union})");
        w.Indent();
        foreach (var (name, member) in members)
        {
            var target = (string)member!["shape"]!;
            var prop = propertyNames[name];
            var traits = Traits(member);
            w.Line($".Member({Naming.Literal(name)}, {Naming.Literal(prop)}, {Naming.Literal(target)}, " +
                $"static o => o.{prop}, static (o, v) => o.{prop} = ({types.ClrType(target)}?)v{traits})");
        }

        var required = shape["required"]?.AsArray().Select(r => Naming.Literal((string)r!)).ToArray() ?? [];
        if (required.Length > 0)
        {
            w.Line($".Required({string.Join(", ", required)})");
        }

        w.Line(";");
        w.Outdent();
        w.Outdent();
        w.Close();
        w.WriteTo(path);
    }

    private static Dictionary<string, string> PropertyNames(string className, JsonObject members)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal) { className, "DescribeShape" };
        foreach (var (name, _) in members)
        {
            var prop = Naming.Pascal(name);
            if (taken.Contains(prop))
            {
                prop += "Value";
            }

            for (var i = 2; taken.Contains(prop); i++)
            {
                prop = Naming.Pascal(name) + i;
            }

            taken.Add(prop);
            names[name] = prop;
        }

        return names;
    }

    private static string Traits(JsonNode member)
    {
        var traits = new List<string>();
        if (BotocoreModel.Str(member, "locationName") is { } location)
        {
            traits.Add($"locationName: {Naming.Literal(location)}");
        }

        if (BotocoreModel.Str(member, "queryName") is { } query)
        {
            traits.Add($"queryName: {Naming.Literal(query)}");
        }

        if (BotocoreModel.Flag(member, "flattened"))
        {
            traits.Add("flattened: true");
        }

        if (BotocoreModel.Flag(member, "xmlAttribute"))
        {
            traits.Add("xmlAttribute: true");
        }

        if (BotocoreModel.Str(member, "timestampFormat") is { } format)
        {
            traits.Add($"timestampFormat: {Naming.Literal(format)}");
        }

        if (BotocoreModel.Flag(member, "idempotencyToken"))
        {
            traits.Add("idempotencyToken: true");
        }

        return traits.Count == 0 ? string.Empty : ", " + string.Join(", ", traits);
    }
}
