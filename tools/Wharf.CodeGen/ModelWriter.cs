using System.Text.Json.Nodes;

namespace Wharf.CodeGen;

/// <summary>Writes <c>&lt;Service&gt;ServiceModel.cs</c>: the metadata, scalar, list, map, error and operation tables.</summary>
internal static class ModelWriter
{
    private const string ModelNs = "global::Wharf.Protocol.Model.";

    public static void Write(BotocoreModel model, TypeMapper types, ShapeClosure closure, ServiceSpec spec, string @namespace, string path)
    {
        var w = new CodeWriter(model.Source, @namespace);
        var className = spec.Name + "ServiceModel";
        w.Line($"/// <summary>The {spec.Name} service model ({model.Source}), built once on first use.</summary>");
        w.Open($"public static class {className}");
        w.Line($"private static readonly global::System.Lazy<{ModelNs}ServiceModel> Lazy = new(Build);");
        w.Line();
        w.Line("/// <summary>The model.</summary>");
        w.Line($"public static {ModelNs}ServiceModel Instance => Lazy.Value;");
        w.Line();
        w.Open($"private static {ModelNs}ServiceModel Build()");
        WriteMetadata(w, model, spec);
        w.Line("DescribeScalars(b);");
        w.Line("DescribeCollections(b);");
        w.Line("DescribeStructures(b);");
        w.Line("DescribeErrors(b);");
        w.Line("DescribeOperations(b);");
        w.Line("return b.Build();");
        w.Close();
        w.Line();

        w.Open($"private static void DescribeScalars({ModelNs}ModelBuilder b)");
        foreach (var name in closure.Shapes.Where(n => !types.IsClass(n) && model.TypeOf(n) is not ("list" or "map")))
        {
            w.Line(Scalar(model, types, @namespace, name));
        }

        w.Close();
        w.Line();
        w.Open($"private static void DescribeCollections({ModelNs}ModelBuilder b)");
        foreach (var name in closure.Shapes.Where(n => model.TypeOf(n) is "list" or "map"))
        {
            w.Line(Collection(model, types, name));
        }

        w.Close();
        w.Line();
        w.Open($"private static void DescribeStructures({ModelNs}ModelBuilder b)");
        foreach (var name in closure.Shapes.Where(types.IsClass))
        {
            w.Line($"global::{@namespace}.{types.ClassNames[name]}.DescribeShape(b);");
        }

        w.Close();
        w.Line();
        w.Open($"private static void DescribeErrors({ModelNs}ModelBuilder b)");
        foreach (var name in closure.Errors)
        {
            var shape = model.Shape(name);
            var error = shape["error"];
            var sender = error?["senderFault"] is JsonValue s ? s.GetValue<bool>() : !BotocoreModel.Flag(shape, "fault");
            var status = BotocoreModel.Number(error, "httpStatusCode")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
            w.Line($"b.Error({Naming.Literal(name)}, {Naming.Literal(BotocoreModel.Str(error, "code"))}, {status}, {(sender ? "true" : "false")});");
        }

        w.Close();
        w.Line();
        w.Open($"private static void DescribeOperations({ModelNs}ModelBuilder b)");
        foreach (var name in closure.Operations)
        {
            var op = model.Operations[name]!;
            var errors = op["errors"]?.AsArray().Select(e => Naming.Literal((string)e!["shape"]!)) ?? [];
            var wrapper = BotocoreModel.Str(op["output"], "resultWrapper") is { } rw ? $", resultWrapper: {Naming.Literal(rw)}" : string.Empty;
            var method = BotocoreModel.Str(op["http"], "method") ?? "POST";
            w.Line($"b.Operation({Naming.Literal(name)}, {Naming.Literal(BotocoreModel.Str(op["input"], "shape"))}, " +
                $"{Naming.Literal(BotocoreModel.Str(op["output"], "shape"))}, [{string.Join(", ", errors)}]{wrapper}, httpMethod: {Naming.Literal(method)});");
        }

        w.Close();
        w.Close();
        w.WriteTo(path);
    }

    private static void WriteMetadata(CodeWriter w, BotocoreModel model, ServiceSpec spec)
    {
        var md = model.Metadata;
        var protocols = md["protocols"]?.AsArray().Select(p => (string)p!).ToArray() ?? [(string)md["protocol"]!];
        w.Line($"var b = new {ModelNs}ModelBuilder(new {ModelNs}ServiceMetadata");
        w.Line("{");
        w.Indent();
        w.Line($"Name = {Naming.Literal(spec.Name)},");
        w.Line($"ServiceId = {Naming.Literal(BotocoreModel.Str(md, "serviceId"))},");
        w.Line($"ApiVersion = {Naming.Literal(BotocoreModel.Str(md, "apiVersion"))},");
        w.Line($"Protocols = [{string.Join(", ", protocols.Select(Naming.Literal))}],");
        w.Line($"TargetPrefix = {Naming.Literal(BotocoreModel.Str(md, "targetPrefix"))},");
        w.Line($"JsonVersion = {Naming.Literal(BotocoreModel.Str(md, "jsonVersion"))},");
        w.Line($"XmlNamespace = {Naming.Literal(BotocoreModel.Str(md, "xmlNamespace"))},");
        w.Line($"SigningName = {Naming.Literal(BotocoreModel.Str(md, "signingName") ?? BotocoreModel.Str(md, "endpointPrefix"))},");
        w.Line($"EndpointPrefix = {Naming.Literal(BotocoreModel.Str(md, "endpointPrefix"))},");
        w.Line($"AwsQueryCompatible = {(md["awsQueryCompatible"] is not null ? "true" : "false")},");
        w.Outdent();
        w.Line("});");
    }

    private static string Scalar(BotocoreModel model, TypeMapper types, string @namespace, string name)
    {
        var shape = model.Shape(name);
        var args = new List<string>
        {
            Naming.Literal(name),
            $"{ModelNs}ShapeType.{types.ShapeTypeName(name)}",
            $"typeof({types.TypeOfArgument(name)})",
        };
        AddConstraints(shape, args);
        if (BotocoreModel.Str(shape, "pattern") is { } pattern)
        {
            args.Add($"pattern: {Naming.Literal(pattern)}");
        }

        if (types.EnumNames.TryGetValue(name, out var enumClass))
        {
            args.Add($"enumValues: global::{@namespace}.{enumClass}.All");
        }

        if (BotocoreModel.Str(shape, "timestampFormat") is { } format)
        {
            args.Add($"timestampFormat: {Naming.Literal(format)}");
        }

        if (BotocoreModel.Flag(shape, "sensitive"))
        {
            args.Add("sensitive: true");
        }

        return $"b.Scalar({string.Join(", ", args)});";
    }

    private static string Collection(BotocoreModel model, TypeMapper types, string name)
    {
        var shape = model.Shape(name);
        var type = types.ClrType(name);
        var args = new List<string> { Naming.Literal(name) };
        if (model.TypeOf(name) == "list")
        {
            args.Add(Naming.Literal(BotocoreModel.Str(shape["member"], "shape")));
            args.Add($"static () => new {type}()");
            if (BotocoreModel.Str(shape["member"], "locationName") is { } location)
            {
                args.Add($"memberLocationName: {Naming.Literal(location)}");
            }
        }
        else
        {
            args.Add(Naming.Literal(BotocoreModel.Str(shape["key"], "shape")));
            args.Add(Naming.Literal(BotocoreModel.Str(shape["value"], "shape")));
            args.Add($"static () => new {type}()");
            if (BotocoreModel.Str(shape["key"], "locationName") is { } key)
            {
                args.Add($"keyLocationName: {Naming.Literal(key)}");
            }

            if (BotocoreModel.Str(shape["value"], "locationName") is { } value)
            {
                args.Add($"valueLocationName: {Naming.Literal(value)}");
            }
        }

        if (BotocoreModel.Flag(shape, "flattened"))
        {
            args.Add("flattened: true");
        }

        AddConstraints(shape, args);
        return $"b.{(model.TypeOf(name) == "list" ? "List" : "Map")}({string.Join(", ", args)});";
    }

    private static void AddConstraints(JsonObject shape, List<string> args)
    {
        if (BotocoreModel.Number(shape, "min") is { } min)
        {
            args.Add($"min: {min}L");
        }

        if (BotocoreModel.Number(shape, "max") is { } max)
        {
            args.Add($"max: {max}L");
        }
    }
}
