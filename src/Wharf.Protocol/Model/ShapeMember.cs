namespace Wharf.Protocol.Model;

/// <summary>
/// A member of a structure, or the element (key, value) of a list (map), with the wire
/// traits the serializers need. Members of structures carry typed accessors generated
/// with the wire types, so codecs read and write them without reflection.
/// </summary>
public sealed class ShapeMember
{
    internal ShapeMember(string name, string targetName)
    {
        Name = name;
        TargetName = targetName;
    }

    /// <summary>The member name as the model spells it (the JSON and CBOR key).</summary>
    public string Name { get; }

    /// <summary>The C# property name on the generated type; empty for list and map elements.</summary>
    public string ClrName { get; init; } = string.Empty;

    /// <summary>The name of the target shape.</summary>
    public string TargetName { get; }

    /// <summary>The target shape, resolved when the service model is built.</summary>
    public Shape Shape { get; internal set; } = null!;

    /// <summary>The <c>locationName</c> trait: the XML element (and Query key, EC2 output name).</summary>
    public string? LocationName { get; init; }

    /// <summary>The <c>queryName</c> trait (EC2 requests).</summary>
    public string? QueryName { get; init; }

    /// <summary>The member-level <c>flattened</c> trait.</summary>
    public bool Flattened { get; init; }

    /// <summary>The member-level <c>xmlAttribute</c> trait.</summary>
    public bool XmlAttribute { get; init; }

    /// <summary>The member-level <c>timestampFormat</c>, if any.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>Whether the structure lists this member as required.</summary>
    public bool IsRequired { get; internal set; }

    /// <summary>Whether the member is an idempotency token (<c>clientToken</c>).</summary>
    public bool IdempotencyToken { get; init; }

    /// <summary>Reads the member from an instance of the declaring type.</summary>
    public Func<object, object?> Get { get; init; } = static _ => null;

    /// <summary>Writes the member on an instance of the declaring type.</summary>
    public Action<object, object?> Set { get; init; } = static (_, _) => { };

    /// <summary>Whether the list or map this member targets is flattened (member or shape trait).</summary>
    public bool IsFlattened => Flattened || Shape.Flattened;

    /// <summary>The effective timestamp format: the member's trait, else the shape's.</summary>
    public string? EffectiveTimestampFormat => TimestampFormat ?? Shape.TimestampFormat;

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {TargetName}";
}
