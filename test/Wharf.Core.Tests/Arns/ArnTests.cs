using Wharf.Core.Arns;
using Xunit;

namespace Wharf.Core.Tests.Arns;

public sealed class ArnTests
{
    [Fact]
    public void TryParse_TaskDefinitionArn_SplitsAtFirstFiveColons()
    {
        Assert.True(Arn.TryParse("arn:aws:ecs:us-east-1:000000000000:task-definition/web:3", out var arn));
        Assert.Equal(new Arn("aws", "ecs", "us-east-1", "000000000000", "task-definition/web:3"), arn);
        Assert.Equal("task-definition", arn.ResourceType);
        Assert.Equal("arn:aws:ecs:us-east-1:000000000000:task-definition/web:3", arn.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("web")]
    [InlineData("arn:aws:ecs")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000")]
    [InlineData("arn::ecs:us-east-1:000000000000:cluster/x")]
    [InlineData("arn:aws::us-east-1:000000000000:cluster/x")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000:")]
    [InlineData("ARN:aws:ecs:us-east-1:000000000000:cluster/x")]
    public void TryParse_Malformed_False(string? value) => Assert.False(Arn.TryParse(value, out _));

    [Fact]
    public void Parse_Malformed_ThrowsInvalidArnWithValue()
    {
        var ex = Assert.Throws<InvalidArnException>(() => Arn.Parse("arn:nope"));
        Assert.Contains("arn:nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceType_NoSeparator_Empty() =>
        Assert.Equal(string.Empty, Arn.Parse("arn:aws:s3:::bucket").ResourceType);
}
