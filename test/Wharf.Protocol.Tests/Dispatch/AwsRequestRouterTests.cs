using System.Text;
using Wharf.Protocol.Dispatch;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Tests.Dispatch;

public sealed class AwsRequestRouterTests
{
    [Fact]
    public void Route_EcsTarget_Json11Operation()
    {
        var route = Route(new RouteRequest { Method = "POST", Target = "AmazonEC2ContainerServiceV20141113.CreateCluster", ContentType = "application/x-amz-json-1.1" });

        Assert.True(route.Succeeded);
        Assert.Equal("Ecs", route.Service!.Name);
        Assert.Equal("CreateCluster", route.Operation!.Name);
        Assert.Same(AwsProtocolCodecs.Json11, route.Codec);
    }

    [Theory]
    [InlineData("Route53AutoNaming_v20170314.CreatePrivateDnsNamespace", "ServiceDiscovery", "1.1")]
    [InlineData("AnyScaleFrontendService.RegisterScalableTarget", "ApplicationAutoScaling", "1.1")]
    [InlineData("Logs_20140328.PutLogEvents", "CloudWatchLogs", "1.1")]
    [InlineData("AWSEvents.PutRule", "EventBridge", "1.1")]
    [InlineData("GraniteServiceVersion20100801.PutMetricData", "CloudWatch", "1.0")]
    public void Route_JsonTargets_ResolveServiceAndVersion(string target, string service, string version)
    {
        var route = Route(new RouteRequest { Method = "POST", Target = target });

        Assert.True(route.Succeeded);
        Assert.Equal(service, route.Service!.Name);
        Assert.Equal(version, ((AwsJsonCodec)route.Codec).JsonVersion);
    }

    [Theory]
    [InlineData("Nope.CreateCluster")]
    [InlineData("AmazonEC2ContainerServiceV20141113.MakeCoffee")]
    [InlineData("NoDot")]
    public void Route_UnknownTarget_UnknownOperationException(string target)
    {
        var route = Route(new RouteRequest { Method = "POST", Target = target });

        Assert.False(route.Succeeded);
        Assert.Equal("UnknownOperationException", route.Error!.Code);
        Assert.Equal(AwsProtocols.Json, route.Codec.Protocol);
    }

    [Theory]
    [InlineData("elasticloadbalancing", "Action=DescribeLoadBalancers&Version=2015-12-01", "ElasticLoadBalancingV2", AwsProtocols.Query)]
    [InlineData("monitoring", "Action=PutMetricData&Version=2010-08-01", "CloudWatch", AwsProtocols.Query)]
    [InlineData("ec2", "Action=DescribeVpcs&Version=2016-11-15", "Ec2", AwsProtocols.Ec2)]
    [InlineData(null, "Action=GetCallerIdentity&Version=2011-06-15", "Sts", AwsProtocols.Query)]
    public void Route_Form_ByScopeServiceOrVersion(string? signing, string form, string service, string protocol)
    {
        var route = Route(new RouteRequest
        {
            Method = "POST", ContentType = "application/x-www-form-urlencoded; charset=utf-8", SigningService = signing, Body = Encoding.UTF8.GetBytes(form),
        });

        Assert.True(route.Succeeded, route.Error?.Message);
        Assert.Equal(service, route.Service!.Name);
        Assert.Equal(protocol, route.Codec.Protocol);
        Assert.NotNull(route.ReadInput(default));
    }

    [Fact]
    public void Route_QueryGet_ReadsQueryString()
    {
        var route = Route(new RouteRequest { Method = "GET", QueryString = "?Action=GetCallerIdentity&Version=2011-06-15", SigningService = "sts" });

        Assert.True(route.Succeeded);
        Assert.Equal("GetCallerIdentity", route.Operation!.Name);
    }

    [Fact]
    public void Route_UnknownAction_InvalidAction()
    {
        var route = Route(new RouteRequest
        {
            Method = "POST", ContentType = "application/x-www-form-urlencoded", SigningService = "elasticloadbalancing", Body = "Action=Fly&Version=2015-12-01"u8.ToArray(),
        });

        Assert.Equal("InvalidAction", route.Error!.Code);
        Assert.Equal(AwsProtocols.Query, route.Codec.Protocol);
    }

    [Fact]
    public void Route_CborPath_RpcV2Cbor()
    {
        var route = Route(new RouteRequest { Method = "POST", Path = "/service/GraniteServiceVersion20100801/operation/ListMetrics", SmithyProtocol = "rpc-v2-cbor" });

        Assert.True(route.Succeeded);
        Assert.Equal("ListMetrics", route.Operation!.Name);
        Assert.Equal(AwsProtocols.RpcV2Cbor, route.Codec.Protocol);
    }

    [Fact]
    public void Route_CborPathForJsonOnlyService_UnknownOperation()
    {
        var route = Route(new RouteRequest { Method = "POST", Path = "/service/AmazonEC2ContainerServiceV20141113/operation/ListClusters", SmithyProtocol = "rpc-v2-cbor" });

        Assert.Equal("UnknownOperationException", route.Error!.Code);
    }

    [Fact]
    public void Route_NothingRecognisable_UnknownOperation()
    {
        var route = Route(new RouteRequest { Method = "POST", ContentType = "application/json", Body = "{}"u8.ToArray() });

        Assert.Equal("UnknownOperationException", route.Error!.Code);
    }

    private static RouteResult Route(RouteRequest request) => AwsRequestRouter.Route(ServiceCatalog.Default, request);
}
