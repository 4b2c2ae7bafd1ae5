using System.Text;
using System.Xml;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Xml;

/// <summary>The Query and EC2 response and error envelopes.</summary>
internal static class XmlDocuments
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    /// <summary><c>&lt;OpResponse xmlns&gt;&lt;OpResult&gt;…&lt;/OpResult&gt;&lt;ResponseMetadata&gt;…</c></summary>
    public static byte[] QueryResponse(OperationModel op, object? output, string requestId) => Write(w =>
    {
        w.WriteStartElement(op.Name + "Response", op.Service.Metadata.XmlNamespace ?? string.Empty);
        if (op.Output is { } shape && output is not null)
        {
            w.WriteStartElement(op.ResultWrapper ?? op.Name + "Result");
            XmlShapeWriter.WriteMembers(w, shape, output);
            w.WriteEndElement();
        }

        w.WriteStartElement("ResponseMetadata");
        w.WriteElementString("RequestId", requestId);
        w.WriteEndElement();
        w.WriteEndElement();
    });

    /// <summary><c>&lt;OpResponse xmlns&gt;&lt;requestId&gt;…&lt;/requestId&gt;…members…</c></summary>
    public static byte[] Ec2Response(OperationModel op, object? output, string requestId) => Write(w =>
    {
        w.WriteStartElement(op.Name + "Response", op.Service.Metadata.XmlNamespace ?? string.Empty);
        w.WriteElementString("requestId", requestId);
        if (op.Output is { } shape && output is not null)
        {
            XmlShapeWriter.WriteMembers(w, shape, output);
        }

        w.WriteEndElement();
    });

    /// <summary><c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;&lt;Code&gt;&lt;Message&gt;…&lt;RequestId&gt;</c></summary>
    public static byte[] QueryError(AwsServiceException error, string requestId, string? xmlNamespace) => Write(w =>
    {
        w.WriteStartElement("ErrorResponse", xmlNamespace ?? string.Empty);
        w.WriteStartElement("Error");
        w.WriteElementString("Type", error.SenderFault ? "Sender" : "Receiver");
        w.WriteElementString("Code", error.QueryCode);
        w.WriteElementString("Message", XmlShapeWriter.Clean(error.Message));
        w.WriteEndElement();
        w.WriteElementString("RequestId", requestId);
        w.WriteEndElement();
    });

    /// <summary><c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code&gt;&lt;Message&gt;…&lt;RequestID&gt;</c></summary>
    public static byte[] Ec2Error(AwsServiceException error, string requestId) => Write(w =>
    {
        w.WriteStartElement("Response");
        w.WriteStartElement("Errors");
        w.WriteStartElement("Error");
        w.WriteElementString("Code", error.QueryCode);
        w.WriteElementString("Message", XmlShapeWriter.Clean(error.Message));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteElementString("RequestID", requestId);
        w.WriteEndElement();
    });

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}
