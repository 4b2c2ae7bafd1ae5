using System.Collections;
using System.Formats.Cbor;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Cbor;

/// <summary>Encodes generated wire objects as Smithy RPC v2 CBOR: structures and maps as CBOR maps,
/// timestamps as tag 1 epoch seconds, blobs as byte strings.</summary>
internal static class CborShapeWriter
{
    public static byte[] Write(Shape? shape, object? value)
    {
        var writer = new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
        if (shape is null || value is null)
        {
            writer.WriteStartMap(0);
            writer.WriteEndMap();
        }
        else
        {
            WriteStructure(writer, shape, value);
        }

        return writer.Encode();
    }

    private static void WriteStructure(CborWriter writer, Shape shape, object value)
    {
        var present = new List<(ShapeMember Member, object Value)>(shape.Members.Count);
        foreach (var member in shape.Members)
        {
            if (member.Get(value) is { } memberValue && member.Shape.Type != ShapeType.Document)
            {
                present.Add((member, memberValue));
            }
        }

        writer.WriteStartMap(present.Count);
        foreach (var (member, memberValue) in present)
        {
            writer.WriteTextString(member.Name);
            WriteValue(writer, member.Shape, memberValue);
        }

        writer.WriteEndMap();
    }

    private static void WriteValue(CborWriter writer, Shape shape, object value)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                WriteStructure(writer, shape, value);
                break;
            case ShapeType.List:
                var items = (IList)value;
                writer.WriteStartArray(items.Count);
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        writer.WriteNull();
                    }
                    else
                    {
                        WriteValue(writer, shape.Member!.Shape, item);
                    }
                }

                writer.WriteEndArray();
                break;
            case ShapeType.Map:
                var map = (IDictionary)value;
                writer.WriteStartMap(map.Count);
                foreach (DictionaryEntry entry in map)
                {
                    writer.WriteTextString((string)entry.Key);
                    if (entry.Value is null)
                    {
                        writer.WriteNull();
                    }
                    else
                    {
                        WriteValue(writer, shape.Value!.Shape, entry.Value);
                    }
                }

                writer.WriteEndMap();
                break;
            default:
                WriteScalar(writer, value);
                break;
        }
    }

    private static void WriteScalar(CborWriter writer, object value)
    {
        switch (value)
        {
            case string s: writer.WriteTextString(s); break;
            case bool b: writer.WriteBoolean(b); break;
            case int i: writer.WriteInt32(i); break;
            case long l: writer.WriteInt64(l); break;
            case double d: writer.WriteDouble(d); break;
            case float f: writer.WriteSingle(f); break;
            case byte[] bytes: writer.WriteByteString(bytes); break;
            case DateTimeOffset t:
                writer.WriteTag(CborTag.UnixTimeSeconds);
                var ms = t.ToUnixTimeMilliseconds();
                if (ms % 1000 == 0)
                {
                    writer.WriteInt64(ms / 1000);
                }
                else
                {
                    writer.WriteDouble(ms / 1000.0);
                }

                break;
            default:
                throw new InvalidOperationException($"Cannot encode {value.GetType()} in CBOR.");
        }
    }
}
