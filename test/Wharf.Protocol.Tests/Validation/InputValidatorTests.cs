using Wharf.Protocol.Dispatch;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Validation;

namespace Wharf.Protocol.Tests.Validation;

public sealed class InputValidatorTests
{
    private static readonly Protocol.Model.ServiceModel Ecs = ServiceCatalog.Default.FindByName("Ecs")!;

    [Fact]
    public void Validate_MissingRequiredMember_InvalidParameterExceptionForEcs()
    {
        var op = Ecs.FindOperation("CreateService")!;

        var error = InputValidator.Validate(op, new CreateServiceRequest());

        Assert.NotNull(error);
        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("1 validation error detected: Value null at 'serviceName' failed to satisfy constraint: Member must not be null", error.Message);
    }

    [Fact]
    public void Validate_NestedRequiredMissing_ReportsPath()
    {
        var op = Ecs.FindOperation("PutAttributes")!;

        var error = InputValidator.Validate(op, new PutAttributesRequest { Attributes = [new Generated.Ecs.Attribute { Value = "x" }] });

        Assert.NotNull(error);
        Assert.Contains("Value null at 'attributes.1.member.name' failed to satisfy constraint: Member must not be null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OptionalNestedMembersUnset_ReturnsNull()
    {
        var op = Ecs.FindOperation("RegisterTaskDefinition")!;
        var input = new RegisterTaskDefinitionRequest
        {
            Family = "web",
            ContainerDefinitions = [new ContainerDefinition { Name = "a", PortMappings = [new PortMapping()] }],
            Tags = [new Tag { Key = "k" }],
        };

        var error = InputValidator.Validate(op, input);

        Assert.Null(error);
    }

    [Fact]
    public void Validate_EnumOutOfSet_ListsValues()
    {
        var op = Ecs.FindOperation("RunTask")!;

        var error = InputValidator.Validate(op, new RunTaskRequest { TaskDefinition = "web", LaunchType = "MOON" });

        Assert.NotNull(error);
        Assert.Contains("Value 'MOON' at 'launchType' failed to satisfy constraint: Member must satisfy enum value set: [EC2, EXTERNAL, FARGATE, MANAGED_INSTANCES]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LengthAboveMax_Reported()
    {
        var op = Ecs.FindOperation("TagResource")!;
        var input = new TagResourceRequest { ResourceArn = "arn", Tags = [new Tag { Key = new string('k', 129), Value = "v" }] };

        var error = InputValidator.Validate(op, input);

        Assert.NotNull(error);
        Assert.Contains("at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Valid_ReturnsNull() =>
        Assert.Null(InputValidator.Validate(Ecs.FindOperation("CreateCluster")!, new CreateClusterRequest { ClusterName = "stage01" }));

    [Fact]
    public void Validate_QueryService_UsesValidationError()
    {
        var elb = ServiceCatalog.Default.FindByName("ElasticLoadBalancingV2")!;

        var error = InputValidator.Validate(elb.FindOperation("CreateTargetGroup")!, new Generated.ElasticLoadBalancingV2.CreateTargetGroupInput());

        Assert.Equal("ValidationError", error!.Code);
    }

    [Fact]
    public void Validate_CloudWatch_MissingParameterWithJsonNameAndQueryCode()
    {
        var cw = ServiceCatalog.Default.FindByName("CloudWatch")!;

        var error = InputValidator.Validate(cw.FindOperation("PutMetricData")!, new Generated.CloudWatch.PutMetricDataInput());

        Assert.Equal("MissingRequiredParameterException", error!.Code);
        Assert.Equal("MissingParameter", error.QueryCode);
    }

    [Fact]
    public void Validate_Ec2_MissingParameter()
    {
        var ec2 = ServiceCatalog.Default.FindByName("Ec2")!;

        var error = InputValidator.Validate(ec2.FindOperation("DescribeVpcAttribute")!, new Generated.Ec2.DescribeVpcAttributeRequest());

        Assert.Equal("MissingParameter", error!.Code);
        Assert.StartsWith("2 validation errors detected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredMembers_ListsModelNames()
    {
        var shape = Ecs.FindShape(typeof(RunTaskRequest))!;

        Assert.Equal(["taskDefinition"], InputValidator.MissingRequiredMembers(shape, new RunTaskRequest()));
    }

    [Fact]
    public void IsWithinConstraints_IntegerRange_Checked()
    {
        var logs = ServiceCatalog.Default.FindByName("CloudWatchLogs")!;
        var limit = logs.FindShape(typeof(Generated.CloudWatchLogs.GetLogEventsRequest))!.FindMember("limit")!.Shape;

        Assert.True(InputValidator.IsWithinConstraints(limit, 10));
        Assert.False(InputValidator.IsWithinConstraints(limit, 0));
        Assert.False(InputValidator.IsWithinConstraints(limit, 10001));
    }
}
