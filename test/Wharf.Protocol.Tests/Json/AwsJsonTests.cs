using System.Text;
using System.Text.Json.Nodes;
using Wharf.Protocol.Dispatch;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Json;
using Wharf.Protocol.Tests.TestSupport;

namespace Wharf.Protocol.Tests.Json;

public sealed class AwsJsonTests
{
    [Fact]
    public void Deserialize_EpochSecondsWithFraction_ReadsMilliseconds()
    {
        var task = AwsJson.Deserialize<Generated.Ecs.Task>("""{"createdAt": 1704164645.123}"""u8);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704164645123), task.CreatedAt);
    }

    [Fact]
    public void Serialize_Timestamps_WritesEpochSecondsIntegerOrFraction()
    {
        var task = new Generated.Ecs.Task
        {
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1704164645),
            StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(1704164645500),
        };

        var json = Encoding.UTF8.GetString(AwsJson.Serialize(task));

        Assert.Equal("""{"createdAt":1704164645,"startedAt":1704164645.5}""", json);
    }

    [Fact]
    public void Serialize_NullMembers_AreOmitted()
    {
        var json = Encoding.UTF8.GetString(AwsJson.Serialize(new Cluster { ClusterName = "a", RunningTasksCount = 0 }));

        Assert.Equal("""{"clusterName":"a","runningTasksCount":0}""", json);
    }

    [Fact]
    public void Serialize_NonAsciiAndHtmlCharacters_WrittenAsUtf8()
    {
        var json = Encoding.UTF8.GetString(AwsJson.Serialize(new Cluster { ClusterName = "é<&>'" }));

        Assert.Equal("{\"clusterName\":\"é<&>'\"}", json);
    }

    [Fact]
    public void Serialize_Null_WritesEmptyObject() => Assert.Equal("{}", Encoding.UTF8.GetString(AwsJson.Serialize(null)));

    [Fact]
    public void Deserialize_UnknownMembers_AreIgnored()
    {
        var request = AwsJson.Deserialize<CreateClusterRequest>("""{"clusterName":"a","futureField":{"x":[1,2]},"ClusterName":"b"}"""u8);

        Assert.Equal("a", request.ClusterName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("{}")]
    [InlineData("null")]
    public void Deserialize_EmptyBody_GivesEmptyInstance(string body)
    {
        var request = AwsJson.Deserialize<ListClustersRequest>(Encoding.UTF8.GetBytes(body));

        Assert.Null(request.MaxResults);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"cluster\":}")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"count\":\"3\"}")]
    [InlineData("{\"count\":3.5}")]
    [InlineData("{\"count\":99999999999}")]
    [InlineData("{\"cluster\":5}")]
    [InlineData("{\"overrides\":[]}")]
    [InlineData("{\"tags\":{}}")]
    [InlineData("{\"enableECSManagedTags\":\"true\"}")]
    [InlineData("{\"cluster\":\"a\"} trailing")]
    public void Deserialize_MalformedOrWrongType_ThrowsSerializationException(string body)
    {
        var ex = Assert.Throws<AwsServiceException>(() => AwsJson.Deserialize<RunTaskRequest>(Encoding.UTF8.GetBytes(body)));

        Assert.Equal("SerializationException", ex.Code);
        Assert.Equal(400, ex.StatusCode);
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_TimestampAsString_ThrowsSerializationException()
    {
        var ex = Assert.Throws<AwsServiceException>(() => AwsJson.Deserialize<Generated.Ecs.Task>("""{"createdAt":"2024-01-01"}"""u8));

        Assert.Equal("SerializationException", ex.Code);
    }

    [Fact]
    public void Deserialize_Blob_ReadsBase64()
    {
        var op = ServiceCatalog.Default.FindByName("CloudWatch")!.FindOperation("GetMetricWidgetImage")!;
        var output = (Generated.CloudWatch.GetMetricWidgetImageOutput)AwsJson.Deserialize("""{"MetricWidgetImage":"AQID"}"""u8, op.OutputType!);

        Assert.Equal(new byte[] { 1, 2, 3 }, output.MetricWidgetImage);
        JsonAssert.Equal(JsonNode.Parse("""{"MetricWidgetImage":"AQID"}"""), JsonNode.Parse(AwsJson.Serialize(output)));
    }

    [Fact]
    public void ReadInput_OperationWithoutInput_AcceptsBlankRejectsMalformed()
    {
        var op = ServiceCatalog.Default.FindByName("Sts")!.FindOperation("GetCallerIdentity")!;
        var codec = AwsProtocolCodecs.Json11;

        Assert.IsType<Generated.Sts.GetCallerIdentityRequest>(codec.ReadInput(op, ""u8));
        Assert.Throws<AwsServiceException>(() => codec.ReadInput(op, "{"u8));
    }

    [Fact]
    public void WriteOutput_Json11_HasContentTypeAndRequestId()
    {
        var op = ServiceCatalog.Default.FindByName("Ecs")!.FindOperation("ListClusters")!;

        var response = AwsProtocolCodecs.Json11.WriteOutput(op, new ListClustersResponse { ClusterArns = ["a"] }, "r-9");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.Contains(new KeyValuePair<string, string>("x-amzn-RequestId", "r-9"), response.Headers);
        Assert.Equal("""{"clusterArns":["a"]}""", Encoding.UTF8.GetString(response.Body));
    }
}
