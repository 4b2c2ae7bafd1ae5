using Wharf.Core.Arns;
using Xunit;

namespace Wharf.Core.Tests.Arns;

public sealed class ArnParserTests
{
    private const string Prefix = "arn:aws:ecs:us-east-1:000000000000:";
    private const string TaskId = "0123456789abcdef0123456789abcdef";
    private const string OldTaskId = "2f0b9f3e-4d2b-4ccf-a8c4-d454db0ee121";
    private const string ContainerId = "4ce75a22-f1c9-4ac2-8607-a503e7682c1d";

    private readonly ArnParser _parser = new(AccountContext.Default);

    [Theory]
    [InlineData(null, "default")]
    [InlineData("stage01", "stage01")]
    [InlineData(Prefix + "cluster/stage01", "stage01")]
    public void ParseClusterReference_NameArnOrNothing_ClusterName(string? reference, string expected) =>
        Assert.Equal(expected, _parser.ParseClusterReference(reference));

    [Fact]
    public void ParseClusterReference_OtherRegion_InvalidRegionInArn()
    {
        var ex = Assert.Throws<InvalidArnException>(
            () => _parser.ParseClusterReference("arn:aws:ecs:us-west-2:000000000000:cluster/stage01"));
        Assert.StartsWith("Invalid Region in ARN", ex.Message, StringComparison.Ordinal);
        Assert.Contains("us-west-2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseClusterReference_OtherAccount_NamesBothAccounts()
    {
        var ex = Assert.Throws<InvalidArnException>(
            () => _parser.ParseClusterReference("arn:aws:ecs:us-east-1:123456789012:cluster/stage01"));
        Assert.Contains("Identifier is for account 123456789012. Your accountId is 000000000000", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arn:aws-cn:ecs:us-east-1:000000000000:cluster/x", "partition")]
    [InlineData("arn:aws:ec2:us-east-1:000000000000:cluster/x", "service 'ec2'")]
    [InlineData(Prefix + "service/x", "cluster ARN")]
    [InlineData(Prefix + "bucket/x", "resource type")]
    [InlineData(Prefix + "cluster", "resource type")]
    [InlineData(Prefix + "cluster/", "arn:partition")]
    [InlineData(Prefix + "cluster/a/b", "separators")]
    [InlineData(Prefix + "cluster/bad name", "letters")]
    [InlineData("arn:aws:ecs", "arn:partition")]
    [InlineData("", "empty")]
    public void TryParseClusterReference_Bad_FalseWithReason(string reference, string reasonFragment)
    {
        Assert.False(_parser.TryParseClusterReference(reference, out var name, out var error));
        Assert.Null(name);
        Assert.Contains(reasonFragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TaskId)]
    [InlineData(OldTaskId)]
    [InlineData(Prefix + "task/stage01/" + TaskId)]
    [InlineData(Prefix + "task/" + TaskId)]
    public void ParseTaskReference_IdOrArn_TaskId(string reference)
    {
        var expected = reference.EndsWith(OldTaskId, StringComparison.Ordinal) ? OldTaskId : TaskId;
        Assert.Equal(expected, _parser.ParseTaskReference(reference, "stage01"));
    }

    [Fact]
    public void ParseTaskReference_ArnOfOtherCluster_SaysWhichCluster()
    {
        var ex = Assert.Throws<InvalidArnException>(
            () => _parser.ParseTaskReference(Prefix + "task/jan7/" + TaskId, "default"));
        Assert.Equal("Invalid identifier: Identifier is for cluster jan7. Your cluster is default.", ex.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData(Prefix + "task/stage01/abc")]
    [InlineData(Prefix + "task/stage01/" + TaskId + "/extra")]
    [InlineData(Prefix + "container-instance/stage01/" + TaskId)]
    [InlineData("")]
    public void TryParseTaskReference_Bad_False(string reference)
    {
        Assert.False(_parser.TryParseTaskReference(reference, "stage01", out var id, out var error));
        Assert.Null(id);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData(TaskId)]
    [InlineData(Prefix + "container-instance/stage01/" + TaskId)]
    [InlineData(Prefix + "container-instance/" + TaskId)]
    public void ParseContainerInstanceReference_IdOrArn_Id(string reference) =>
        Assert.Equal(TaskId, _parser.ParseContainerInstanceReference(reference, "stage01"));

    [Fact]
    public void ParseContainerInstanceReference_TaskArn_WrongType()
    {
        var ex = Assert.Throws<InvalidArnException>(
            () => _parser.ParseContainerInstanceReference(Prefix + "task/stage01/" + TaskId, "stage01"));
        Assert.Contains("container instance ARN", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web")]
    [InlineData(Prefix + "service/stage01/web")]
    [InlineData(Prefix + "service/web")]
    public void ParseServiceReference_NameOrArn_Name(string reference) =>
        Assert.Equal("web", _parser.ParseServiceReference(reference, "stage01"));

    [Fact]
    public void ParseServiceReference_ArnOfOtherCluster_Throws() =>
        Assert.Throws<InvalidArnException>(() => _parser.ParseServiceReference(Prefix + "service/other/web", "stage01"));

    [Theory]
    [InlineData("web", "web", null)]
    [InlineData("web:3", "web", 3)]
    [InlineData("My_Web-2:10", "My_Web-2", 10)]
    [InlineData(Prefix + "task-definition/web:3", "web", 3)]
    public void ParseTaskDefinitionReference_FamilyRevisionOrArn_Parsed(string reference, string family, int? revision) =>
        Assert.Equal(new TaskDefinitionReference(family, revision), _parser.ParseTaskDefinitionReference(reference));

    [Theory]
    [InlineData("")]
    [InlineData("web:")]
    [InlineData("web:0")]
    [InlineData("web:-1")]
    [InlineData("web:x")]
    [InlineData("web:1:2")]
    [InlineData("we b")]
    [InlineData(":3")]
    [InlineData("web:99999999999")]
    [InlineData(Prefix + "task-definition/web")]
    [InlineData(Prefix + "task-definition/a/web:1")]
    [InlineData(Prefix + "task/web:1")]
    [InlineData("arn:aws:ecs:eu-west-1:000000000000:task-definition/web:1")]
    public void TryParseTaskDefinitionReference_Bad_FalseWithReason(string reference)
    {
        Assert.False(_parser.TryParseTaskDefinitionReference(reference, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TaskDefinitionReference_FamilyTooLong_Rejected()
    {
        Assert.True(TaskDefinitionReference.TryParse(new string('a', 255), out _, out _));
        Assert.False(TaskDefinitionReference.TryParse(new string('a', 256), out _, out var error));
        Assert.Contains("255", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("web", "web")]
    [InlineData("web:4", "web:4")]
    public void TaskDefinitionReference_ToString_FamilyOrFamilyColonRevision(string value, string expected)
    {
        Assert.True(TaskDefinitionReference.TryParse(value, out var parsed, out _));
        Assert.Equal(expected, parsed.ToString());
    }

    [Fact]
    public void ParseContainerArn_ShortFormat_OnlyContainerId() =>
        Assert.Equal(new ContainerArnReference(null, null, ContainerId), _parser.ParseContainerArn(Prefix + "container/" + ContainerId));

    [Theory]
    [InlineData(Prefix + "container/stage01/" + TaskId)]
    [InlineData(Prefix + "container/stage01/" + TaskId + "/not-a-uuid")]
    [InlineData(Prefix + "container/stage01/abc/" + ContainerId)]
    [InlineData(Prefix + "task/stage01/" + TaskId)]
    public void TryParseContainerArn_Bad_False(string arn) =>
        Assert.False(_parser.TryParseContainerArn(arn, out _, out _));

    [Fact]
    public void ParseTaskSetReference_IdOrArn_Id()
    {
        const string id = "ecs-svc/1234567890123456789";
        Assert.Equal(id, _parser.ParseTaskSetReference(id, "c1", "web"));
        Assert.Equal(id, _parser.ParseTaskSetReference(Prefix + "task-set/c1/web/" + id, "c1", "web"));
        Assert.Throws<InvalidArnException>(() => _parser.ParseTaskSetReference(Prefix + "task-set/c1/api/" + id, "c1", "web"));
        Assert.Throws<InvalidArnException>(() => _parser.ParseTaskSetReference(Prefix + "task-set/c2/web/" + id, "c1", "web"));
        Assert.Throws<InvalidArnException>(() => _parser.ParseTaskSetReference("ecs-svc/12a", "c1", "web"));
    }

    [Theory]
    [InlineData("spot")]
    [InlineData(Prefix + "capacity-provider/spot")]
    public void ParseCapacityProviderReference_NameOrArn_Name(string reference) =>
        Assert.Equal("spot", _parser.ParseCapacityProviderReference(reference));

    [Theory]
    [InlineData(Prefix + "cluster/c1", EcsResourceType.Cluster, null, "c1")]
    [InlineData(Prefix + "task/c1/" + TaskId, EcsResourceType.Task, "c1", TaskId)]
    [InlineData(Prefix + "task/" + TaskId, EcsResourceType.Task, null, TaskId)]
    [InlineData(Prefix + "container-instance/c1/" + TaskId, EcsResourceType.ContainerInstance, "c1", TaskId)]
    [InlineData(Prefix + "service/c1/web", EcsResourceType.Service, "c1", "web")]
    [InlineData(Prefix + "task-definition/web:2", EcsResourceType.TaskDefinition, null, "web:2")]
    [InlineData(Prefix + "capacity-provider/cp", EcsResourceType.CapacityProvider, null, "cp")]
    [InlineData(Prefix + "container/c1/" + TaskId + "/" + ContainerId, EcsResourceType.Container, "c1", ContainerId)]
    [InlineData(Prefix + "task-set/c1/web/ecs-svc/1234567890123456789", EcsResourceType.TaskSet, "c1", "ecs-svc/1234567890123456789")]
    public void ParseResourceArn_EveryType_Resolved(string arn, EcsResourceType type, string? cluster, string name)
    {
        var resource = _parser.ParseResourceArn(arn);
        Assert.Equal(type, resource.Type);
        Assert.Equal(cluster, resource.ClusterName);
        Assert.Equal(name, resource.Name);
        Assert.Equal(arn, resource.Arn);
        Assert.Equal(type == EcsResourceType.TaskSet ? "web" : null, resource.ServiceName);
    }

    [Theory]
    [InlineData(Prefix + "task-definition/web")]
    [InlineData(Prefix + "task/c1/" + TaskId + "/x")]
    [InlineData(Prefix + "service/c1/")]
    [InlineData(Prefix + "service//web")]
    [InlineData(Prefix + "task-set/c1/web/123")]
    [InlineData("web")]
    public void TryParseResourceArn_Bad_False(string arn) =>
        Assert.False(_parser.TryParseResourceArn(arn, out _, out _));
}
