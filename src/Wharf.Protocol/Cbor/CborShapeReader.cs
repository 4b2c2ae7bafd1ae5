using System.Collections;
using System.Formats.Cbor;
using System.Text;
using Wharf.Protocol.Json;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Cbor;

/// <summary>
/// Decodes Smithy RPC v2 CBOR into generated wire objects. Definite and indefinite lengths,
/// any integer or float width, and tagged or bare epoch timestamps are accepted; unknown
/// keys and nulls are skipped. Throws <see cref="CborContentException"/>,
/// <see cref="InvalidOperationException"/> or <see cref="FormatException"/> on bad input.
/// </summary>
internal static class CborShapeReader
{
    private const int MaxDepth = 64;

    public static object Read(Shape shape, ReadOnlyMemory<byte> data)
    {
        var reader = new CborReader(data, CborConformanceMode.Lax);
        var value = ReadStructure(reader, shape, 0);
        if (reader.BytesRemaining != 0)
        {
            throw new FormatException("Trailing data after the CBOR body.");
        }

        return value;
    }

    private static object ReadStructure(CborReader reader, Shape shape, int depth)
    {
        var instance = shape.CreateInstance();
        reader.ReadStartMap();
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            var key = ReadText(reader);
            var member = shape.FindMember(key);
            if (member is null || member.Shape.Type == ShapeType.Document)
            {
                reader.SkipValue();
                continue;
            }

            if (TrySkipNull(reader))
            {
                continue;
            }

            member.Set(instance, ReadValue(reader, member.Shape, depth + 1));
        }

        reader.ReadEndMap();
        return instance;
    }

    private static object ReadValue(CborReader reader, Shape shape, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException("CBOR nesting is too deep.");
        }

        switch (shape.Type)
        {
            case ShapeType.Structure:
                return ReadStructure(reader, shape, depth);
            case ShapeType.List:
                var list = (IList)shape.CreateInstance();
                reader.ReadStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    if (!TrySkipNull(reader))
                    {
                        list.Add(ReadValue(reader, shape.Member!.Shape, depth + 1));
                    }
                }

                reader.ReadEndArray();
                return list;
            case ShapeType.Map:
                var map = (IDictionary)shape.CreateInstance();
                reader.ReadStartMap();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    var key = ReadText(reader);
                    if (!TrySkipNull(reader))
                    {
                        map[key] = ReadValue(reader, shape.Value!.Shape, depth + 1);
                    }
                }

                reader.ReadEndMap();
                return map;
            default:
                return ReadScalar(reader, shape.Type);
        }
    }

    private static object ReadScalar(CborReader reader, ShapeType type) => type switch
    {
        ShapeType.String => ReadText(reader),
        ShapeType.Boolean => reader.ReadBoolean(),
        ShapeType.Integer => checked((int)ReadInteger(reader)),
        ShapeType.Long => ReadInteger(reader),
        ShapeType.Double => ReadNumber(reader),
        ShapeType.Float => (float)ReadNumber(reader),
        ShapeType.Blob => ReadBytes(reader),
        ShapeType.Timestamp => ReadTimestamp(reader),
        _ => throw new FormatException($"Unsupported CBOR value for {type}."),
    };

    private static DateTimeOffset ReadTimestamp(CborReader reader)
    {
        if (reader.PeekState() == CborReaderState.Tag)
        {
            var tag = reader.ReadTag();
            if (tag != CborTag.UnixTimeSeconds)
            {
                throw new FormatException("Timestamps must be tag 1 epoch seconds.");
            }
        }

        return EpochSecondsConverter.FromSeconds(ReadNumber(reader)) ?? throw new FormatException("Timestamp out of range.");
    }

    private static long ReadInteger(CborReader reader) => reader.PeekState() switch
    {
        CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
        _ => throw new FormatException("Expected an integer."),
    };

    private static double ReadNumber(CborReader reader) => reader.PeekState() switch
    {
        CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => reader.ReadInt64(),
        CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat => reader.ReadDouble(),
        _ => throw new FormatException("Expected a number."),
    };

    private static string ReadText(CborReader reader)
    {
        if (reader.PeekState() == CborReaderState.StartIndefiniteLengthTextString)
        {
            var sb = new StringBuilder();
            reader.ReadStartIndefiniteLengthTextString();
            while (reader.PeekState() != CborReaderState.EndIndefiniteLengthTextString)
            {
                sb.Append(reader.ReadTextString());
            }

            reader.ReadEndIndefiniteLengthTextString();
            return sb.ToString();
        }

        return reader.ReadTextString();
    }

    private static byte[] ReadBytes(CborReader reader)
    {
        if (reader.PeekState() == CborReaderState.StartIndefiniteLengthByteString)
        {
            using var buffer = new MemoryStream();
            reader.ReadStartIndefiniteLengthByteString();
            while (reader.PeekState() != CborReaderState.EndIndefiniteLengthByteString)
            {
                buffer.Write(reader.ReadByteString());
            }

            reader.ReadEndIndefiniteLengthByteString();
            return buffer.ToArray();
        }

        return reader.ReadByteString();
    }

    private static bool TrySkipNull(CborReader reader)
    {
        var state = reader.PeekState();
        if (state is CborReaderState.Null or CborReaderState.Undefined)
        {
            reader.SkipValue();
            return true;
        }

        return false;
    }
}
