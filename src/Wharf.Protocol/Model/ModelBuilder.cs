using System.Collections.Frozen;

namespace Wharf.Protocol.Model;

/// <summary>
/// Assembles a <see cref="ServiceModel"/> from the calls the generated code makes.
/// Shapes refer to each other by name; names are resolved in <see cref="Build"/>, so
/// recursive shapes need no ordering. Not thread-safe: one builder per build.
/// </summary>
public sealed class ModelBuilder
{
    private readonly ServiceMetadata _metadata;
    private readonly Dictionary<string, Shape> _shapes = new(StringComparer.Ordinal);
    private readonly List<ShapeMember> _members = [];
    private readonly Dictionary<string, ErrorModel> _errors = new(StringComparer.Ordinal);
    private readonly List<(OperationModel Op, string? Input, string? Output, string[] Errors)> _operations = [];

    /// <summary>Starts a model for the service described by <paramref name="metadata"/>.</summary>
    public ModelBuilder(ServiceMetadata metadata)
    {
        _metadata = metadata;
    }

    /// <summary>Declares a scalar shape (string, number, boolean, timestamp, blob, document).</summary>
    public void Scalar(
        string name,
        ShapeType type,
        Type clrType,
        long? min = null,
        long? max = null,
        string? pattern = null,
        IEnumerable<string>? enumValues = null,
        string? timestampFormat = null,
        bool sensitive = false) =>
        Add(new Shape(name, type)
        {
            ClrType = clrType,
            Min = min,
            Max = max,
            Pattern = pattern,
            EnumValues = enumValues?.ToFrozenSet(StringComparer.Ordinal),
            TimestampFormat = timestampFormat,
            Sensitive = sensitive,
        });

    /// <summary>Declares a list shape whose element is <paramref name="member"/>.</summary>
    public void List(
        string name,
        string member,
        Func<object> factory,
        string? memberLocationName = null,
        bool flattened = false,
        long? min = null,
        long? max = null)
    {
        var shape = new Shape(name, ShapeType.List) { Factory = factory, Flattened = flattened, Min = min, Max = max, ClrType = factory().GetType() };
        shape.Member = Element("member", member, memberLocationName);
        Add(shape);
    }

    /// <summary>Declares a map shape with <paramref name="key"/> and <paramref name="value"/> shapes.</summary>
    public void Map(
        string name,
        string key,
        string value,
        Func<object> factory,
        string? keyLocationName = null,
        string? valueLocationName = null,
        bool flattened = false,
        long? min = null,
        long? max = null)
    {
        var shape = new Shape(name, ShapeType.Map) { Factory = factory, Flattened = flattened, Min = min, Max = max, ClrType = factory().GetType() };
        shape.Key = Element("key", key, keyLocationName);
        shape.Value = Element("value", value, valueLocationName);
        Add(shape);
    }

    /// <summary>Declares a structure shape backed by the generated type <typeparamref name="T"/>.</summary>
    public StructureBuilder<T> Structure<T>(string name, Func<T> factory, bool union = false)
        where T : class
    {
        var shape = new Shape(name, ShapeType.Structure) { ClrType = typeof(T), Factory = factory, IsUnion = union };
        Add(shape);
        return new StructureBuilder<T>(this, shape);
    }

    /// <summary>Declares an error shape.</summary>
    public void Error(string name, string? code, int? httpStatusCode, bool senderFault) =>
        _errors[name] = new ErrorModel(name, code ?? name, httpStatusCode ?? (senderFault ? 400 : 500), senderFault);

    /// <summary>Declares an operation.</summary>
    public void Operation(string name, string? input, string? output, string[] errors, string? resultWrapper = null, string httpMethod = "POST") =>
        _operations.Add((new OperationModel(name) { ResultWrapper = resultWrapper, HttpMethod = httpMethod }, input, output, errors));

    /// <summary>Resolves every shape reference and freezes the model.</summary>
    /// <exception cref="InvalidOperationException">A shape or error referenced by name was never declared.</exception>
    public ServiceModel Build()
    {
        foreach (var member in _members)
        {
            member.Shape = Resolve(member.TargetName);
        }

        foreach (var shape in _shapes.Values.Where(s => s.Type == ShapeType.Structure))
        {
            shape.MembersByName = shape.Members.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);
            shape.RequiredMembers = shape.Members.Where(m => m.IsRequired).ToArray();
        }

        var operations = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        foreach (var (op, input, output, errors) in _operations)
        {
            op.Input = input is null ? null : Resolve(input);
            op.Output = output is null ? null : Resolve(output);
            op.Errors = errors
                .Select(e => _errors.TryGetValue(e, out var error) ? error : throw new InvalidOperationException($"Unknown error shape '{e}'."))
                .ToArray();
            operations[op.Name] = op;
        }

        var model = new ServiceModel(
            _metadata,
            operations.ToFrozenDictionary(StringComparer.Ordinal),
            _shapes.ToFrozenDictionary(StringComparer.Ordinal),
            _errors.ToFrozenDictionary(StringComparer.Ordinal));
        foreach (var op in operations.Values)
        {
            op.Service = model;
        }

        return model;
    }

    internal void AddMember(Shape structure, ShapeMember member)
    {
        _members.Add(member);
        structure.Members = [.. structure.Members, member];
    }

    private ShapeMember Element(string name, string target, string? locationName)
    {
        var element = new ShapeMember(name, target) { LocationName = locationName };
        _members.Add(element);
        return element;
    }

    private void Add(Shape shape) => _shapes.Add(shape.Name, shape);

    private Shape Resolve(string name) =>
        _shapes.TryGetValue(name, out var shape) ? shape : throw new InvalidOperationException($"Unknown shape '{name}' in {_metadata.Name}.");
}
