using System.Formats.Cbor;
using Wharf.Protocol.Errors;

namespace Wharf.Protocol.Cbor;

/// <summary>The body of a Smithy RPC v2 CBOR error: a map with <c>__type</c> and <c>message</c>.</summary>
internal static class CborErrorBody
{
    public static byte[] Write(AwsServiceException error)
    {
        var writer = new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
        writer.WriteStartMap(2);
        writer.WriteTextString("__type");
        writer.WriteTextString(error.Code);
        writer.WriteTextString("message");
        writer.WriteTextString(error.Message);
        writer.WriteEndMap();
        return writer.Encode();
    }
}
