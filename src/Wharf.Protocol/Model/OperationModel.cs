namespace Wharf.Protocol.Model;

/// <summary>An operation of a service model.</summary>
public sealed class OperationModel
{
    internal OperationModel(string name)
    {
        Name = name;
    }

    /// <summary>The operation name (the <c>X-Amz-Target</c> suffix, the Query <c>Action</c>).</summary>
    public string Name { get; }

    /// <summary>The service the operation belongs to.</summary>
    public ServiceModel Service { get; internal set; } = null!;

    /// <summary>The input structure, or null when the operation takes none.</summary>
    public Shape? Input { get; internal set; }

    /// <summary>The output structure, or null when the operation returns none.</summary>
    public Shape? Output { get; internal set; }

    /// <summary>The CLR type of the input (a generated wire type), or null.</summary>
    public Type? InputType => Input?.ClrType;

    /// <summary>The CLR type of the output (a generated wire type), or null.</summary>
    public Type? OutputType => Output?.ClrType;

    /// <summary>The Query protocol's result wrapper element (<c>&lt;OpResult&gt;</c>), if any.</summary>
    public string? ResultWrapper { get; init; }

    /// <summary>The HTTP method in the model (always POST for the RPC protocols).</summary>
    public string HttpMethod { get; init; } = "POST";

    /// <summary>The documented errors.</summary>
    public IReadOnlyList<ErrorModel> Errors { get; internal set; } = [];

    /// <inheritdoc />
    public override string ToString() => $"{Service?.Name}.{Name}";
}
