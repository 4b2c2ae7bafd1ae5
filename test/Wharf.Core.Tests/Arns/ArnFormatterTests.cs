using Wharf.Core.Arns;
using Xunit;

namespace Wharf.Core.Tests.Arns;

public sealed class ArnFormatterTests
{
    private const string TaskId = "0123456789abcdef0123456789abcdef";
    private const string ContainerId = "4ce75a22-f1c9-4ac2-8607-a503e7682c1d";

    private readonly ArnFormatter _arns = new(new AccountContext("eu-west-1", "123456789012"));

    [Fact]
    public void ClusterArn_Name_LongFormat() =>
        Assert.Equal("arn:aws:ecs:eu-west-1:123456789012:cluster/stage01", _arns.ClusterArn("stage01"));

    [Fact]
    public void TaskArn_ClusterAndId_LongFormat() =>
        Assert.Equal($"arn:aws:ecs:eu-west-1:123456789012:task/stage01/{TaskId}", _arns.TaskArn("stage01", TaskId));

    [Fact]
    public void ContainerInstanceArn_ClusterAndId_LongFormat() =>
        Assert.Equal(
            $"arn:aws:ecs:eu-west-1:123456789012:container-instance/default/{TaskId}",
            _arns.ContainerInstanceArn("default", TaskId));

    [Fact]
    public void TaskDefinitionArn_FamilyAndRevision_LongFormat()
    {
        Assert.Equal("arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3", _arns.TaskDefinitionArn("web", 3));
        Assert.Equal(
            "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:12",
            _arns.TaskDefinitionArn(new TaskDefinitionReference("web", 12)));
    }

    [Fact]
    public void TaskDefinitionArn_ReferenceWithoutRevision_Throws() =>
        Assert.Throws<ArgumentException>(() => _arns.TaskDefinitionArn(new TaskDefinitionReference("web", null)));

    [Fact]
    public void ServiceArn_ClusterAndName_LongFormat() =>
        Assert.Equal("arn:aws:ecs:eu-west-1:123456789012:service/stage01/web", _arns.ServiceArn("stage01", "web"));

    [Fact]
    public void ContainerArn_ClusterTaskAndUuid_LongFormat() =>
        Assert.Equal(
            $"arn:aws:ecs:eu-west-1:123456789012:container/stage01/{TaskId}/{ContainerId}",
            _arns.ContainerArn("stage01", TaskId, ContainerId));

    [Fact]
    public void TaskSetArn_ClusterServiceAndId_LongFormat() =>
        Assert.Equal(
            "arn:aws:ecs:eu-west-1:123456789012:task-set/stage01/web/ecs-svc/1234567890123456789",
            _arns.TaskSetArn("stage01", "web", "ecs-svc/1234567890123456789"));

    [Fact]
    public void CapacityProviderArn_Name_LongFormat() =>
        Assert.Equal("arn:aws:ecs:eu-west-1:123456789012:capacity-provider/spot", _arns.CapacityProviderArn("spot"));

    [Theory]
    [InlineData("cn-north-1", "arn:aws-cn:ecs:cn-north-1:123456789012:")]
    [InlineData("us-gov-west-1", "arn:aws-us-gov:ecs:us-gov-west-1:123456789012:")]
    [InlineData("us-east-1", "arn:aws:ecs:us-east-1:123456789012:")]
    public void Prefix_Region_UsesItsPartition(string region, string expected) =>
        Assert.Equal(expected, new ArnFormatter(new AccountContext(region, "123456789012")).Prefix);

    [Fact]
    public void Formatted_ParsedBack_SameResource()
    {
        var parser = new ArnParser(_arns.Account);
        Assert.Equal(TaskId, parser.ParseTaskReference(_arns.TaskArn("c1", TaskId), "c1"));
        Assert.Equal("c1", parser.ParseClusterReference(_arns.ClusterArn("c1")));
        Assert.Equal("svc", parser.ParseServiceReference(_arns.ServiceArn("c1", "svc"), "c1"));
        Assert.Equal(new TaskDefinitionReference("web", 7), parser.ParseTaskDefinitionReference(_arns.TaskDefinitionArn("web", 7)));
        Assert.Equal(
            new ContainerArnReference("c1", TaskId, ContainerId),
            parser.ParseContainerArn(_arns.ContainerArn("c1", TaskId, ContainerId)));
    }
}
