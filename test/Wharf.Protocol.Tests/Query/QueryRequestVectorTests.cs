using System.Text.Json.Nodes;
using Wharf.Protocol.Dispatch;
using Wharf.Protocol.Json;
using Wharf.Protocol.Tests.TestSupport;

namespace Wharf.Protocol.Tests.Query;

/// <summary>Requests serialized by botocore (Query, EC2, RPC v2 CBOR) decode into the wire types with every value.</summary>
public sealed class QueryRequestVectorTests
{
    private static readonly JsonArray All = Vectors.Load("query-requests.json").AsArray();

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < All.Count; i++)
        {
            data.Add(i, $"{All[i]!["protocol"]} {All[i]!["service"]} {All[i]!["operation"]}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Route_BotocoreRequest_DecodesToSameValues(int index, string name)
    {
        var vector = All[index]!;
        var body = Convert.FromBase64String((string)vector["body"]!);
        var protocol = (string)vector["protocol"]!;
        var signing = ServiceCatalog.Default.FindByName(ServiceName((string)vector["service"]!))!.Metadata.SigningName;

        var route = AwsRequestRouter.Route(ServiceCatalog.Default, new RouteRequest
        {
            Method = "POST",
            Path = (string)vector["path"]!,
            ContentType = protocol == "smithy-rpc-v2-cbor" ? "application/cbor" : "application/x-www-form-urlencoded; charset=utf-8",
            SmithyProtocol = protocol == "smithy-rpc-v2-cbor" ? "rpc-v2-cbor" : null,
            SigningService = signing,
            Body = body,
        });
        Assert.True(route.Succeeded, name + ": " + route.Error?.Message);
        Assert.Equal(protocol, route.Codec.Protocol);
        Assert.Equal((string)vector["operation"]!, route.Operation!.Name);

        var input = route.ReadInput(body);

        JsonAssert.Equal(vector["expectedJson"], JsonNode.Parse(AwsJson.Serialize(input)));
    }

    private static string ServiceName(string botocoreName) => botocoreName switch
    {
        "elbv2" => "ElasticLoadBalancingV2",
        "cloudwatch" => "CloudWatch",
        "ec2" => "Ec2",
        "sts" => "Sts",
        _ => throw new ArgumentOutOfRangeException(nameof(botocoreName)),
    };
}
