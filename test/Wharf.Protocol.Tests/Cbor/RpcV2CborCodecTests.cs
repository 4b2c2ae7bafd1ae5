using System.Formats.Cbor;
using Wharf.Protocol.Dispatch;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.CloudWatch;

namespace Wharf.Protocol.Tests.Cbor;

public sealed class RpcV2CborCodecTests
{
    private static readonly Protocol.Model.OperationModel PutMetricData =
        ServiceCatalog.Default.FindByName("CloudWatch")!.FindOperation("PutMetricData")!;

    [Fact]
    public void ReadInput_IndefiniteLengthsHalfFloatsAndNulls_Decodes()
    {
        var w = new CborWriter(CborConformanceMode.Lax, convertIndefiniteLengthEncodings: false);
        w.WriteStartMap(null);
        w.WriteTextString("Namespace");
        w.WriteStartIndefiniteLengthTextString();
        w.WriteTextString("Wharf/");
        w.WriteTextString("Test");
        w.WriteEndIndefiniteLengthTextString();
        w.WriteTextString("Unknown");
        w.WriteStartArray(1);
        w.WriteInt32(1);
        w.WriteEndArray();
        w.WriteTextString("MetricData");
        w.WriteStartArray(null);
        w.WriteStartMap(null);
        w.WriteTextString("MetricName");
        w.WriteTextString("m");
        w.WriteTextString("Value");
        w.WriteHalf((Half)1.5);
        w.WriteTextString("Unit");
        w.WriteNull();
        w.WriteTextString("Timestamp");
        w.WriteTag(CborTag.UnixTimeSeconds);
        w.WriteDouble(1704164645.5);
        w.WriteEndMap();
        w.WriteEndArray();
        w.WriteEndMap();

        var input = (PutMetricDataInput)AwsProtocolCodecs.RpcV2Cbor.ReadInput(PutMetricData, w.Encode())!;

        Assert.Equal("Wharf/Test", input.Namespace);
        var datum = Assert.Single(input.MetricData!);
        Assert.Equal(1.5, datum.Value);
        Assert.Null(datum.Unit);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704164645500), datum.Timestamp);
    }

    [Theory]
    [InlineData("ff")]
    [InlineData("a1")]
    [InlineData("a1694e616d657370616365")]
    [InlineData("a1694e616d65737061636501")]
    [InlineData("80")]
    [InlineData("a0a0")]
    public void ReadInput_Malformed_SerializationException(string hex)
    {
        var ex = Assert.Throws<AwsServiceException>(() => AwsProtocolCodecs.RpcV2Cbor.ReadInput(PutMetricData, Convert.FromHexString(hex)));

        Assert.Equal("SerializationException", ex.Code);
        Assert.Equal(400, ex.StatusCode);
    }

    [Fact]
    public void ReadInput_EmptyBody_EmptyInput() =>
        Assert.IsType<PutMetricDataInput>(AwsProtocolCodecs.RpcV2Cbor.ReadInput(PutMetricData, default));

    [Fact]
    public void WriteError_HasSmithyProtocolHeaderAndQueryError()
    {
        var cw = ServiceCatalog.Default.FindByName("CloudWatch")!;

        var response = AwsProtocolCodecs.RpcV2Cbor.WriteError(cw, new AwsServiceException(cw.FindError("ResourceNotFound")!, "gone"), "r");

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("application/cbor", response.ContentType);
        Assert.Contains(new KeyValuePair<string, string>("smithy-protocol", "rpc-v2-cbor"), response.Headers);
        Assert.Contains(new KeyValuePair<string, string>("x-amzn-query-error", "ResourceNotFound;Sender"), response.Headers);
    }
}
