using System.Collections;
using System.Globalization;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Query;

/// <summary>
/// Decodes Query parameters into a generated input type by walking the input shape, the
/// inverse of botocore's Query and EC2 serializers. One reader per request.
/// </summary>
internal sealed class QueryReader
{
    private readonly IReadOnlyDictionary<string, string> _parameters;
    private readonly string[] _keys;
    private readonly bool _ec2;
    private readonly Func<string, AwsServiceException> _invalid;

    public QueryReader(IReadOnlyDictionary<string, string> parameters, bool ec2, Func<string, AwsServiceException> invalid)
    {
        _parameters = parameters;
        _keys = [.. parameters.Keys.Order(StringComparer.Ordinal)];
        _ec2 = ec2;
        _invalid = invalid;
    }

    public object ReadStructure(Shape shape, string prefix)
    {
        var instance = shape.CreateInstance();
        foreach (var member in shape.Members)
        {
            var name = QueryNames.Member(member, _ec2);
            var key = prefix.Length == 0 ? name : prefix + "." + name;
            // A flattened list whose element has a locationName is keyed by that name instead.
            var renamed = member.Shape.Type == ShapeType.List ? QueryNames.ListElements(key, member, member.Shape, _ec2) : key;
            if (HasAny(key) || (renamed != key && HasAny(renamed)))
            {
                member.Set(instance, Read(member, member.Shape, key));
            }
        }

        return instance;
    }

    private object? Read(ShapeMember member, Shape shape, string key) => shape.Type switch
    {
        ShapeType.Structure => ReadStructure(shape, key),
        ShapeType.List => ReadList(member, shape, key),
        ShapeType.Map => ReadMap(member, shape, key),
        _ => _parameters.TryGetValue(key, out var text) ? ReadScalar(shape, key, text) : null,
    };

    private IList ReadList(ShapeMember member, Shape shape, string key)
    {
        var list = (IList)shape.CreateInstance();
        var elements = QueryNames.ListElements(key, member, shape, _ec2);
        foreach (var index in Indices(elements))
        {
            var elementKey = elements + "." + index.ToString(CultureInfo.InvariantCulture);
            list.Add(Read(shape.Member!, shape.Member!.Shape, elementKey) ?? throw _invalid($"Missing list element '{elementKey}'."));
        }

        return list;
    }

    private IDictionary ReadMap(ShapeMember member, Shape shape, string key)
    {
        var map = (IDictionary)shape.CreateInstance();
        var entries = QueryNames.MapEntries(key, member);
        var keyName = shape.Key!.LocationName ?? "key";
        var valueName = shape.Value!.LocationName ?? "value";
        foreach (var index in Indices(entries))
        {
            var entry = entries + "." + index.ToString(CultureInfo.InvariantCulture);
            if (!_parameters.TryGetValue(entry + "." + keyName, out var entryKey))
            {
                throw _invalid($"Missing map key '{entry}.{keyName}'.");
            }

            map[entryKey] = Read(shape.Value, shape.Value.Shape, entry + "." + valueName);
        }

        return map;
    }

    private object ReadScalar(Shape shape, string key, string text)
    {
        var value = QueryScalars.Parse(shape.Type, text);
        return value ?? throw _invalid($"Value '{text}' at '{key}' failed to satisfy constraint: Member must be a valid {Describe(shape.Type)}.");
    }

    private static string Describe(ShapeType type) => type switch
    {
        ShapeType.Timestamp => "ISO 8601 timestamp",
        ShapeType.Blob => "base64 string",
        _ => type.ToString().ToLowerInvariant(),
    };

    private bool HasAny(string key) => _parameters.ContainsKey(key) || Children(key + ".").Any();

    // Element indices under a prefix, in numeric order; gaps are allowed and skipped.
    private SortedSet<int> Indices(string prefix)
    {
        var indices = new SortedSet<int>();
        foreach (var child in Children(prefix + "."))
        {
            var rest = child.AsSpan(prefix.Length + 1);
            var dot = rest.IndexOf('.');
            var segment = dot < 0 ? rest : rest[..dot];
            if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1)
            {
                throw _invalid($"Invalid list or map index in '{child}'.");
            }

            indices.Add(index);
        }

        return indices;
    }

    private IEnumerable<string> Children(string prefix)
    {
        var start = Array.BinarySearch(_keys, prefix, StringComparer.Ordinal);
        for (var i = start < 0 ? ~start : start; i < _keys.Length && _keys[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return _keys[i];
        }
    }
}
