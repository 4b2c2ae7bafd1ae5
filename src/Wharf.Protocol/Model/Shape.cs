using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Wharf.Protocol.Model;

/// <summary>
/// One shape of a service model with its constraints. Structures know their members
/// (with accessors) and how to create an instance; lists and maps know their element
/// shapes and how to create an empty collection of the right CLR type.
/// </summary>
public sealed class Shape
{
    private Regex? _pattern;

    internal Shape(string name, ShapeType type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>The shape name in the model.</summary>
    public string Name { get; }

    /// <summary>The shape type.</summary>
    public ShapeType Type { get; }

    /// <summary>The CLR type of values of this shape (the non-nullable one for scalars).</summary>
    public Type? ClrType { get; init; }

    /// <summary>The <c>min</c> constraint: a length for strings, lists and maps, a value for numbers.</summary>
    public long? Min { get; init; }

    /// <summary>The <c>max</c> constraint: a length for strings, lists and maps, a value for numbers.</summary>
    public long? Max { get; init; }

    /// <summary>The <c>pattern</c> constraint (an ECMAScript-style regular expression), if any.</summary>
    public string? Pattern { get; init; }

    /// <summary>The legal values of an enum string shape; null when the shape is no enum.</summary>
    public FrozenSet<string>? EnumValues { get; init; }

    /// <summary>The shape-level <c>timestampFormat</c>, if any.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>The shape-level <c>flattened</c> trait of a list or map.</summary>
    public bool Flattened { get; init; }

    /// <summary>Whether values are sensitive (not to be logged).</summary>
    public bool Sensitive { get; init; }

    /// <summary>Whether the structure is a union (exactly one member set).</summary>
    public bool IsUnion { get; init; }

    /// <summary>For a list, its element; for a map, null.</summary>
    public ShapeMember? Member { get; internal set; }

    /// <summary>For a map, its key.</summary>
    public ShapeMember? Key { get; internal set; }

    /// <summary>For a map, its value.</summary>
    public ShapeMember? Value { get; internal set; }

    /// <summary>For a structure, its members in model order.</summary>
    public IReadOnlyList<ShapeMember> Members { get; internal set; } = [];

    /// <summary>For a structure, its required members.</summary>
    public IReadOnlyList<ShapeMember> RequiredMembers { get; internal set; } = [];

    /// <summary>Creates an empty instance (structure), <c>List&lt;T&gt;</c> (list) or <c>Dictionary&lt;string,T&gt;</c> (map).</summary>
    public Func<object>? Factory { get; init; }

    internal FrozenDictionary<string, ShapeMember> MembersByName { get; set; } = FrozenDictionary<string, ShapeMember>.Empty;

    /// <summary>The compiled <see cref="Pattern"/>, or null when there is none or it does not compile in .NET.</summary>
    public Regex? PatternRegex
    {
        get
        {
            if (_pattern is null && Pattern is not null)
            {
                try
                {
                    _pattern = new Regex(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }

            return _pattern;
        }
    }

    /// <summary>Finds a structure member by its model name (case-sensitive).</summary>
    public ShapeMember? FindMember(string name) => MembersByName.GetValueOrDefault(name);

    /// <summary>Creates an empty instance of this structure, list or map.</summary>
    public object CreateInstance() =>
        Factory?.Invoke() ?? throw new InvalidOperationException($"Shape '{Name}' has no factory.");

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Type})";
}
