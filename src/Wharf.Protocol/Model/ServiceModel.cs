using System.Collections.Frozen;

namespace Wharf.Protocol.Model;

/// <summary>
/// A service model built from generated tables: its metadata, operations, shapes and
/// errors. Immutable once built; safe to share across threads.
/// </summary>
public sealed class ServiceModel
{
    internal ServiceModel(
        ServiceMetadata metadata,
        FrozenDictionary<string, OperationModel> operations,
        FrozenDictionary<string, Shape> shapes,
        FrozenDictionary<string, ErrorModel> errors)
    {
        Metadata = metadata;
        Operations = operations;
        Shapes = shapes;
        Errors = errors;
        ShapesByClrType = shapes.Values
            .Where(s => s.Type == ShapeType.Structure && s.ClrType is not null)
            .ToFrozenDictionary(s => s.ClrType!);
    }

    /// <summary>The service metadata.</summary>
    public ServiceMetadata Metadata { get; }

    /// <summary>The C# name of the service, e.g. <c>Ecs</c>.</summary>
    public string Name => Metadata.Name;

    /// <summary>Operations by name (case-sensitive, as AWS matches them).</summary>
    public FrozenDictionary<string, OperationModel> Operations { get; }

    /// <summary>Shapes by model name.</summary>
    public FrozenDictionary<string, Shape> Shapes { get; }

    /// <summary>Error shapes by shape name.</summary>
    public FrozenDictionary<string, ErrorModel> Errors { get; }

    /// <summary>Structure shapes by their generated CLR type.</summary>
    public FrozenDictionary<Type, Shape> ShapesByClrType { get; }

    /// <summary>Whether the model lists <paramref name="protocol"/> (an <see cref="AwsProtocols"/> name).</summary>
    public bool Speaks(string protocol) => Metadata.Protocols.Contains(protocol);

    /// <summary>Finds an operation by name; null when the service has none of that name.</summary>
    public OperationModel? FindOperation(string name) => Operations.GetValueOrDefault(name);

    /// <summary>Finds an error shape by shape name; null when the model has none.</summary>
    public ErrorModel? FindError(string name) => Errors.GetValueOrDefault(name);

    /// <summary>Finds the structure shape of a generated wire type.</summary>
    public Shape? FindShape(Type clrType) => ShapesByClrType.GetValueOrDefault(clrType);

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Metadata.ApiVersion}";
}
