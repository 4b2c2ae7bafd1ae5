using System.Text.Json.Nodes;
using Wharf.Protocol.Dispatch;
using Wharf.Protocol.Json;
using Wharf.Protocol.Model;
using Wharf.Protocol.Tests.TestSupport;

namespace Wharf.Protocol.Tests.Xml;

/// <summary>
/// Outputs encoded by each codec parse back through botocore's own response parsers (what the
/// AWS CLI runs) to the same values: Query and EC2 XML, AWS JSON and RPC v2 CBOR.
/// </summary>
public sealed class ResponseRoundTripTests
{
    private const string RequestId = "5f0e7a7c-1111-2222-3333-444455556666";

    private static readonly (string Service, string Botocore, string Protocol, string Operation, string Output)[] Cases =
    [
        ("ElasticLoadBalancingV2", "elbv2", "query", "DescribeTargetGroups", """
            {"TargetGroups":[{"TargetGroupArn":"arn:tg/1","TargetGroupName":"web","Protocol":"HTTP","Port":80,"VpcId":"vpc-1",
              "HealthCheckEnabled":true,"HealthCheckIntervalSeconds":30,"Matcher":{"HttpCode":"200"},"LoadBalancerArns":["arn:lb/1","arn:lb/2"],
              "TargetType":"ip"},{"TargetGroupArn":"arn:tg/2","LoadBalancerArns":[]}],"NextMarker":"m<&>\"'"}
            """),
        ("ElasticLoadBalancingV2", "elbv2", "query", "DescribeTags", """
            {"TagDescriptions":[{"ResourceArn":"arn:lb/1","Tags":[{"Key":"a","Value":"1"},{"Key":"é","Value":""}]}]}
            """),
        ("CloudWatch", "cloudwatch", "query", "GetMetricStatistics", """
            {"Label":"CPUUtilization","Datapoints":[{"Timestamp":1704164645.123,"Average":12.5,"Maximum":99.0,"SampleCount":3.0,"Unit":"Percent",
              "ExtendedStatistics":{"p99":98.5,"p50":10.0}},{"Timestamp":1704164705,"Minimum":0.0}]}
            """),
        ("CloudWatch", "cloudwatch", "query", "DescribeAlarms", """
            {"MetricAlarms":[{"AlarmName":"high","AlarmArn":"arn:alarm","ActionsEnabled":true,"AlarmActions":["arn:policy"],
              "StateValue":"ALARM","StateUpdatedTimestamp":1704164645,"MetricName":"CPUUtilization","Namespace":"AWS/ECS",
              "Dimensions":[{"Name":"ClusterName","Value":"default"}],"Period":60,"EvaluationPeriods":3,"Threshold":75.5,
              "ComparisonOperator":"GreaterThanThreshold"}],"NextToken":"t"}
            """),
        ("Sts", "sts", "query", "GetCallerIdentity", """
            {"UserId":"AKIDWHARF","Account":"000000000000","Arn":"arn:aws:iam::000000000000:root"}
            """),
        ("Ec2", "ec2", "ec2", "DescribeVpcs", """
            {"Vpcs":[{"VpcId":"vpc-1","CidrBlock":"10.0.0.0/16","State":"available","IsDefault":true,"OwnerId":"000000000000",
              "CidrBlockAssociationSet":[{"AssociationId":"a-1","CidrBlock":"10.0.0.0/16","CidrBlockState":{"State":"associated"}}],
              "Tags":[{"Key":"Name","Value":"default"}]}]}
            """),
        ("Ec2", "ec2", "ec2", "DescribeSubnets", """
            {"Subnets":[{"SubnetId":"subnet-1","VpcId":"vpc-1","AvailabilityZone":"us-east-1a","CidrBlock":"10.0.1.0/24",
              "AvailableIpAddressCount":250,"DefaultForAz":true,"MapPublicIpOnLaunch":false,"State":"available"}],"NextToken":"n"}
            """),
        ("Ec2", "ec2", "ec2", "DescribeAccountAttributes", """
            {"AccountAttributes":[{"AttributeName":"supported-platforms","AttributeValues":[{"AttributeValue":"VPC"}]}]}
            """),
        ("Ec2", "ec2", "ec2", "DescribeVpcAttribute", """
            {"VpcId":"vpc-1","EnableDnsSupport":{"Value":true},"EnableDnsHostnames":{"Value":false}}
            """),
        ("Ecs", "ecs", "json", "DescribeClusters", """
            {"clusters":[{"clusterArn":"arn:aws:ecs:us-east-1:000000000000:cluster/default","clusterName":"default","status":"ACTIVE",
              "registeredContainerInstancesCount":1,"runningTasksCount":3,"statistics":[{"name":"x","value":"1"}],"settings":[]}],"failures":[]}
            """),
        ("Ecs", "ecs", "json", "DescribeTasks", """
            {"tasks":[{"taskArn":"arn:task","createdAt":1704164645.123,"startedAt":1704164650,"lastStatus":"RUNNING","cpu":"256",
              "containers":[{"name":"web","exitCode":0,"networkBindings":[{"hostPort":32768,"containerPort":80,"protocol":"tcp"}]}]}]}
            """),
        ("CloudWatchLogs", "logs", "json", "GetLogEvents", """
            {"events":[{"timestamp":1704164645123,"message":"hello","ingestionTime":1704164646000}],"nextForwardToken":"f/1"}
            """),
        ("CloudWatch", "cloudwatch", "smithy-rpc-v2-cbor", "GetMetricStatistics", """
            {"Label":"CPUUtilization","Datapoints":[{"Timestamp":1704164645,"Average":12.5,"Unit":"Percent","ExtendedStatistics":{"p99":98.5}}]}
            """),
        ("CloudWatch", "cloudwatch", "json", "ListMetrics", """
            {"Metrics":[{"Namespace":"AWS/ECS","MetricName":"CPUUtilization","Dimensions":[{"Name":"ServiceName","Value":"web"}]}],"OwningAccounts":["000000000000"]}
            """),
    ];

    [Fact]
    public void WriteOutput_EveryProtocol_BotocoreParsesSameValues()
    {
        var responses = Cases.Select(c =>
        {
            var op = ServiceCatalog.Default.FindByName(c.Service)!.FindOperation(c.Operation)!;
            var output = AwsJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(c.Output), op.OutputType!);
            var codec = Codec(op.Service, c.Protocol);
            return new BotocoreBridge.Response(c.Botocore, c.Operation, c.Protocol, codec.WriteOutput(op, output, RequestId));
        }).ToArray();

        var parsed = BotocoreBridge.Parse(responses);

        for (var i = 0; i < Cases.Length; i++)
        {
            JsonAssert.Equal(JsonNode.Parse(Cases[i].Output), parsed[i]!["output"]);
            if (Cases[i].Protocol is "query" or "ec2")
            {
                Assert.Equal(RequestId, (string?)parsed[i]!["requestId"]);
            }
        }
    }

    [Fact]
    public void WriteOutput_QueryXml_HasEnvelopeNamespaceAndResultWrapper()
    {
        var op = ServiceCatalog.Default.FindByName("Sts")!.FindOperation("GetCallerIdentity")!;
        var output = new Generated.Sts.GetCallerIdentityResponse { Account = "000000000000" };

        var xml = System.Text.Encoding.UTF8.GetString(AwsProtocolCodecs.Query.WriteOutput(op, output, "r-1").Body);

        Assert.Contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">", xml, StringComparison.Ordinal);
        Assert.Contains("<GetCallerIdentityResult><Account>000000000000</Account></GetCallerIdentityResult>", xml, StringComparison.Ordinal);
        Assert.Contains("<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>", xml, StringComparison.Ordinal);
    }

    private static IAwsProtocolCodec Codec(ServiceModel service, string protocol) => protocol switch
    {
        "json" => AwsProtocolCodecs.JsonFor(service),
        "query" => AwsProtocolCodecs.Query,
        "ec2" => AwsProtocolCodecs.Ec2,
        _ => AwsProtocolCodecs.RpcV2Cbor,
    };
}
