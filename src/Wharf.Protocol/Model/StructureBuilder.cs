namespace Wharf.Protocol.Model;

/// <summary>Adds members to a structure shape; returned by <see cref="ModelBuilder.Structure{T}"/>.</summary>
/// <typeparam name="T">The generated wire type of the structure.</typeparam>
public sealed class StructureBuilder<T>
    where T : class
{
    private readonly ModelBuilder _builder;
    private readonly Shape _shape;
    private readonly List<ShapeMember> _members = [];

    internal StructureBuilder(ModelBuilder builder, Shape shape)
    {
        _builder = builder;
        _shape = shape;
    }

    /// <summary>Adds a member with its typed accessors and wire traits.</summary>
    public StructureBuilder<T> Member(
        string name,
        string clrName,
        string target,
        Func<T, object?> get,
        Action<T, object?> set,
        string? locationName = null,
        string? queryName = null,
        bool flattened = false,
        bool xmlAttribute = false,
        string? timestampFormat = null,
        bool idempotencyToken = false)
    {
        var member = new ShapeMember(name, target)
        {
            ClrName = clrName,
            LocationName = locationName,
            QueryName = queryName,
            Flattened = flattened,
            XmlAttribute = xmlAttribute,
            TimestampFormat = timestampFormat,
            IdempotencyToken = idempotencyToken,
            Get = o => get((T)o),
            Set = (o, v) => set((T)o, v),
        };
        _members.Add(member);
        _builder.AddMember(_shape, member);
        return this;
    }

    /// <summary>Marks members as required (by model name).</summary>
    public StructureBuilder<T> Required(params string[] names)
    {
        foreach (var name in names)
        {
            var member = _members.Find(m => m.Name == name)
                ?? throw new InvalidOperationException($"Required member '{name}' is not a member of '{_shape.Name}'.");
            member.IsRequired = true;
        }

        return this;
    }
}
