using System.Collections;
using System.Xml;
using Wharf.Protocol.Model;
using Wharf.Protocol.Query;

namespace Wharf.Protocol.Xml;

/// <summary>
/// Writes a generated wire object as Query/EC2 response XML: element names from
/// <c>locationName</c> (else the member name), lists as <c>&lt;member&gt;</c> (or the element's
/// <c>locationName</c>, or repeated elements when flattened), maps as <c>&lt;entry&gt;</c>.
/// </summary>
internal static class XmlShapeWriter
{
    public static void WriteMembers(XmlWriter writer, Shape shape, object value)
    {
        foreach (var member in shape.Members)
        {
            if (member.Get(value) is { } memberValue)
            {
                Write(writer, member, member.Shape, member.LocationName ?? member.Name, memberValue);
            }
        }
    }

    private static void Write(XmlWriter writer, ShapeMember member, Shape shape, string name, object value)
    {
        switch (shape.Type)
        {
            case ShapeType.Structure:
                writer.WriteStartElement(name);
                WriteMembers(writer, shape, value);
                writer.WriteEndElement();
                break;
            case ShapeType.List:
                WriteList(writer, member, shape, name, (IEnumerable)value);
                break;
            case ShapeType.Map:
                WriteMap(writer, member, shape, name, (IDictionary)value);
                break;
            case ShapeType.Document:
                writer.WriteElementString(name, Clean(value.ToString() ?? string.Empty));
                break;
            default:
                writer.WriteElementString(name, Clean(QueryScalars.Format(value)));
                break;
        }
    }

    private static void WriteList(XmlWriter writer, ShapeMember member, Shape shape, string name, IEnumerable items)
    {
        var element = shape.Member!;
        if (member.IsFlattened)
        {
            foreach (var item in items)
            {
                Write(writer, element, element.Shape, element.LocationName ?? name, item);
            }

            return;
        }

        writer.WriteStartElement(name);
        foreach (var item in items)
        {
            Write(writer, element, element.Shape, element.LocationName ?? "member", item);
        }

        writer.WriteEndElement();
    }

    private static void WriteMap(XmlWriter writer, ShapeMember member, Shape shape, string name, IDictionary map)
    {
        var flattened = member.IsFlattened;
        if (!flattened)
        {
            writer.WriteStartElement(name);
        }

        foreach (DictionaryEntry entry in map)
        {
            writer.WriteStartElement(flattened ? name : "entry");
            writer.WriteElementString(shape.Key!.LocationName ?? "key", Clean((string)entry.Key));
            if (entry.Value is { } entryValue)
            {
                Write(writer, shape.Value!, shape.Value!.Shape, shape.Value.LocationName ?? "value", entryValue);
            }

            writer.WriteEndElement();
        }

        if (!flattened)
        {
            writer.WriteEndElement();
        }
    }

    // XML 1.0 cannot carry some characters at all (most C0 controls, lone surrogates):
    // replace them rather than fail the whole response.
    internal static string Clean(string text)
    {
        var i = 0;
        while (i < text.Length && IsXmlChar(text, i))
        {
            i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        }

        if (i >= text.Length)
        {
            return text;
        }

        var chars = new System.Text.StringBuilder(text.Length);
        for (var j = 0; j < text.Length; j++)
        {
            if (char.IsHighSurrogate(text[j]) && j + 1 < text.Length && char.IsLowSurrogate(text[j + 1]))
            {
                chars.Append(text[j]).Append(text[++j]);
            }
            else
            {
                chars.Append(XmlConvert.IsXmlChar(text[j]) ? text[j] : '\uFFFD');
            }
        }

        return chars.ToString();
    }

    private static bool IsXmlChar(string text, int i) =>
        XmlConvert.IsXmlChar(text[i])
        || (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
}
