namespace Wharf.CodeGen;

/// <summary>Maps model shapes to C# type names and <c>ShapeType</c> names for one service.</summary>
internal sealed class TypeMapper
{
    private const string Generic = "global::System.Collections.Generic.";
    private readonly BotocoreModel _model;
    private readonly string _namespace;
    private readonly Dictionary<string, string> _classNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _enumNames = new(StringComparer.Ordinal);

    public TypeMapper(BotocoreModel model, string @namespace, ShapeClosure closure)
    {
        _model = model;
        _namespace = @namespace;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in closure.Shapes.Where(IsClass))
        {
            var className = Naming.Pascal(name);
            if (!taken.Add(className))
            {
                throw new InvalidOperationException($"Two shapes map to class '{className}' in {model.Source}.");
            }

            _classNames[name] = className;
        }

        foreach (var name in closure.Shapes.Where(IsEnum))
        {
            var enumName = Naming.Pascal(name) + "Values";
            if (!taken.Add(enumName))
            {
                enumName = Naming.Pascal(name) + "EnumValues";
                taken.Add(enumName);
            }

            _enumNames[name] = enumName;
        }
    }

    public IReadOnlyDictionary<string, string> ClassNames => _classNames;

    public IReadOnlyDictionary<string, string> EnumNames => _enumNames;

    /// <summary>Whether the shape becomes a generated class.</summary>
    public bool IsClass(string name) => _model.TypeOf(name) == "structure" && !_model.IsDocument(name);

    public bool IsEnum(string name) => _model.TypeOf(name) == "string" && _model.Shape(name)["enum"] is not null;

    /// <summary>The fully qualified C# type of values of the shape, without nullability.</summary>
    public string ClrType(string name)
    {
        var shape = _model.Shape(name);
        return (string)shape["type"]! switch
        {
            "structure" when _model.IsDocument(name) => "global::System.Text.Json.JsonElement",
            "structure" => $"global::{_namespace}.{_classNames[name]}",
            "list" => $"{Generic}List<{ClrType(BotocoreModel.Str(shape["member"], "shape")!)}>",
            "map" => $"{Generic}Dictionary<string, {ClrType(BotocoreModel.Str(shape["value"], "shape")!)}>",
            "string" => "string",
            "integer" => "int",
            "long" => "long",
            "boolean" => "bool",
            "double" => "double",
            "float" => "float",
            "timestamp" => "global::System.DateTimeOffset",
            "blob" => "byte[]",
            var other => throw new InvalidOperationException($"Unsupported shape type '{other}' for '{name}'."),
        };
    }

    /// <summary>The <c>ShapeType</c> enum member for a scalar (or document) shape.</summary>
    public string ShapeTypeName(string name) =>
        _model.IsDocument(name)
            ? "Document"
            : (string)_model.Shape(name)["type"]! switch
            {
                "string" => "String",
                "integer" => "Integer",
                "long" => "Long",
                "boolean" => "Boolean",
                "double" => "Double",
                "float" => "Float",
                "timestamp" => "Timestamp",
                "blob" => "Blob",
                var other => throw new InvalidOperationException($"'{name}' is a {other}, not a scalar."),
            };

    /// <summary>The C# type used in <c>typeof</c> for a scalar: nullable annotations are not allowed there.</summary>
    public string TypeOfArgument(string name) => ClrType(name);
}
