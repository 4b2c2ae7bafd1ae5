using System.Text;
using System.Text.Json.Nodes;
using Wharf.Protocol.Dispatch;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Tests.TestSupport;

namespace Wharf.Protocol.Tests.Errors;

public sealed class ErrorWriterTests
{
    [Fact]
    public void Json_Error_HasTypeMessageAndErrorTypeHeader()
    {
        var error = new AwsServiceException("ClusterNotFoundException", "Cluster not found.");

        var response = AwsErrorWriter.Json(error, "r-1");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.ContentType);
        Assert.Contains(new KeyValuePair<string, string>("x-amzn-ErrorType", "ClusterNotFoundException"), response.Headers);
        Assert.Contains(new KeyValuePair<string, string>("x-amzn-RequestId", "r-1"), response.Headers);
        JsonAssert.Equal(
            JsonNode.Parse("""{"__type":"ClusterNotFoundException","message":"Cluster not found."}"""),
            JsonNode.Parse(response.Body));
    }

    [Fact]
    public void Query_Error_HasSenderTypeCodeMessageAndRequestId()
    {
        var error = new AwsServiceException("LoadBalancerNotFound", "One or more load balancers not found");

        var xml = Encoding.UTF8.GetString(AwsErrorWriter.Query(error, "r-2", "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/").Body);

        Assert.Contains(
            "<Error><Type>Sender</Type><Code>LoadBalancerNotFound</Code><Message>One or more load balancers not found</Message></Error><RequestId>r-2</RequestId>",
            xml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Ec2_Error_HasErrorsListAndRequestID()
    {
        var xml = Encoding.UTF8.GetString(AwsErrorWriter.Ec2(new AwsServiceException("InvalidVpcID.NotFound", "The vpc ID 'vpc-9' does not exist"), "r-3").Body);

        Assert.Contains("<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code>", xml, StringComparison.Ordinal);
        Assert.Contains("<RequestID>r-3</RequestID></Response>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteError_EveryProtocol_BotocoreReadsCodeAndMessage()
    {
        var ecs = ServiceCatalog.Default.FindByName("Ecs")!;
        var elb = ServiceCatalog.Default.FindByName("ElasticLoadBalancingV2")!;
        var ec2 = ServiceCatalog.Default.FindByName("Ec2")!;
        var cw = ServiceCatalog.Default.FindByName("CloudWatch")!;
        var notFound = new AwsServiceException(cw.FindError("DashboardNotFoundError")!, "No dashboard <x> & \"y\".");
        var server = new AwsServiceException("ServerException", "Boom.", 500, senderFault: false);

        var parsed = BotocoreBridge.Parse(
            new("ecs", "ListClusters", "json", AwsProtocolCodecs.Json11.WriteError(ecs, server, "r")),
            new("elbv2", "DescribeLoadBalancers", "query", AwsProtocolCodecs.Query.WriteError(elb, new AwsServiceException("LoadBalancerNotFound", "Not found."), "r")),
            new("ec2", "DescribeVpcs", "ec2", AwsProtocolCodecs.Ec2.WriteError(ec2, new AwsServiceException("InvalidVpcID.NotFound", "Nope."), "r")),
            new("cloudwatch", "GetDashboard", "json", AwsProtocolCodecs.Json10.WriteError(cw, notFound, "r")),
            new("cloudwatch", "GetDashboard", "smithy-rpc-v2-cbor", AwsProtocolCodecs.RpcV2Cbor.WriteError(cw, notFound, "r")),
            new("cloudwatch", "GetDashboard", "query", AwsProtocolCodecs.Query.WriteError(cw, notFound, "r")));

        Assert.Equal(("ServerException", "Boom."), Read(parsed[0]));
        Assert.Equal(("LoadBalancerNotFound", "Not found."), Read(parsed[1]));
        Assert.Equal(("InvalidVpcID.NotFound", "Nope."), Read(parsed[2]));
        Assert.Equal(("ResourceNotFound", "No dashboard <x> & \"y\"."), Read(parsed[3]));
        Assert.Equal(("ResourceNotFound", "No dashboard <x> & \"y\"."), Read(parsed[4]));
        Assert.Equal(("ResourceNotFound", "No dashboard <x> & \"y\"."), Read(parsed[5]));
        Assert.Equal(404, notFound.StatusCode);
    }

    private static (string?, string?) Read(JsonNode? result) => ((string?)result!["error"]!["Code"], (string?)result["error"]!["Message"]);
}
